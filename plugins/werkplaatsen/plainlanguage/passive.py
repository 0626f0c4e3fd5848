"""Passive constructions: a form of "worden" with a past participle in the same clause.

"Het plan wordt besproken", "omdat het plan werd besproken", "Het plan zal worden besproken",
"Het plan is besproken geworden". "worden" on its own is a main verb or a copula and is not
passive: "Zij wordt wijkambtenaar", "Het wordt koud", "Dat wordt een mooie dag", and so is
"geworden" without a participle: "Hij is boos geworden" says what someone became, not what was
done to them.

How it decides, per sentence:
- Clauses end at , ; : ( ) dashes and quotes, and before words that start a new clause ("omdat",
  "maar", "die", "waarin", ...). A participle in another clause is not paired.
- A participle is found by its form (participles.py). It is read as an adjective, not a verb, when
  an article or similar word comes right before it ("Het wordt een gesloten deur"), and as an
  infinitive after "te" ("om alles te ontvangen").
- A form of "hebben" or "is/was/waren" between the two means the participle belongs to that verb:
  "Het wordt koud, en de gemeente heeft het plein gesloten" is not passive.
- "is/zijn/was/waren + participle" without "worden" ("Het plan is besproken") is not reported:
  the same form is the ordinary past of many verbs ("Hij is vertrokken").
"""

from __future__ import annotations

import re

from .findings import Hit, Kind
from .participles import is_participle
from .sentences import Sentence, Token, tokens

WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
CLAUSE_STARTS = frozenset("""
    als dat die doordat dus hoewel maar nadat omdat sinds tenzij terwijl toen totdat voordat waar waaraan
    waarbij waardoor waarin waarmee waarna waarom waaronder waarop waarover waaruit waarvan waarvoor want
    wanneer wat welke wie zodat zodra
""".split())
CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”‘’–—]|\s-\s")
# A form of these verbs between "worden" and a participle takes the participle for itself ("zijn"
# is left out: it is also "his", as in "door zijn collega's besproken").
OTHER_AUXILIARIES = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden", "ben", "bent", "is", "was", "waren"})
# Words after which a participle is an adjective, or after which a form is an infinitive ("te").
# Not here: words that are also pronouns or adverbs right before a real participle ("het plan dat
# besproken wordt", "door haar gesteund", "er wordt veel gevraagd").
BEFORE_ADJECTIVES = frozenset("""
    't alle beide de deze dit een elk elke enkele geen het ieder iedere mijn onze sommige te uw zo'n
""".split())

EXAMPLE = "schrijf 'de gemeente bespreekt het plan' in plaats van 'het plan wordt besproken'"


def passives(sentence: Sentence) -> list[Hit]:
    found = tokens(sentence)
    words = [token.text.lower() for token in found]
    hits = []
    for clause in _clauses(sentence, found, words):
        for position in clause:
            if words[position] in WORDEN:
                participle = _partner(position, clause, words)
                if participle is not None:
                    hits.append(_hit(found[position], found[participle], sentence))
    return hits


def _clauses(sentence: Sentence, found: list[Token], words: list[str]) -> list[list[int]]:
    """Token positions per clause."""
    clauses: list[list[int]] = [[]]
    for position, token in enumerate(found):
        if position:
            previous = found[position - 1]
            gap = sentence.text[previous.end - sentence.start:token.start - sentence.start]
            if CLAUSE_BREAK.search(gap) or words[position] in CLAUSE_STARTS:
                clauses.append([])
        clauses[-1].append(position)
    return clauses


def _partner(auxiliary: int, clause: list[int], words: list[str]) -> int | None:
    """The participle nearest to a form of "worden" in its clause, after it when equally near."""
    candidates = [position for position in clause
                  if position != auxiliary and words[position] not in WORDEN and _participle_at(position, words)
                  and not any(words[between] in OTHER_AUXILIARIES
                              for between in range(min(position, auxiliary) + 1, max(position, auxiliary)))]
    return min(candidates, key=lambda position: (abs(position - auxiliary), position < auxiliary), default=None)


def _participle_at(position: int, words: list[str]) -> bool:
    return (position == 0 or words[position - 1] not in BEFORE_ADJECTIVES) and is_participle(words[position])


def _hit(auxiliary: Token, participle: Token, sentence: Sentence) -> Hit:
    first, last = sorted((auxiliary, participle), key=lambda token: token.start)
    between = sentence.text[first.end - sentence.start:last.start - sentence.start]
    quoted = f"{first.text} {last.text}" if between.isspace() else f"{first.text} … {last.text}"
    message = (f"'{quoted}' is een lijdende vorm: de zin zegt niet wie iets doet. Schrijf liever wie het doet, "
               f"bijvoorbeeld: {EXAMPLE}.")
    return Hit(Kind.PASSIVE, first.start, last.end, message)
