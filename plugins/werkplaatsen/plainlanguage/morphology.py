"""Dutch spelling rules for getting from a written form back to the forms a word list holds.

A frequency list has "oefenen" and "concreet" but may lack "oefende" and "concreter"; a stem
("deel", "zet") becomes an infinitive ("delen", "zetten") by the rules for open and closed
syllables.
"""

from __future__ import annotations

VOWELS = "aeiouy"
# Endings of verbs (-t, -de, -te, -den, -ten, -en), plurals (-en, -s), adjectives (-e) and
# comparatives and superlatives (-er, -ere, -st, -ste); the longest first.
ENDINGS = ("den", "ten", "ere", "ste", "de", "te", "en", "er", "st", "t", "e", "s")


def infinitives(stem: str) -> set[str]:
    """The infinitives a stem can belong to: "deel" delen, "zet" zetten, "leef" leven, "reis" reizen."""
    bases = {stem}
    if stem.endswith("f"):
        bases.add(stem[:-1] + "v")
    elif stem.endswith("s"):
        bases.add(stem[:-1] + "z")
    forms = set()
    for base in bases:
        forms.add(base + "en")
        if len(base) >= 3 and base[-1] not in VOWELS:
            vowel, before = base[-2], base[-3]
            if vowel == before and vowel in "aeou":
                forms.add(base[:-2] + base[-1] + "en")  # maak: maken
            elif vowel in VOWELS and before not in VOWELS:
                forms.add(base + base[-1] + "en")  # zet: zetten
    return forms


def base_forms(word: str) -> set[str]:
    """Forms a word may be an inflection of: "oefende" oefen, oefenen; "concreter" concreet;
    "bussen" bus; "reflecteer" reflecteren. Some are not words at all; a word list sorts them out."""
    forms = infinitives(word)
    for ending in ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        forms |= {stem} | infinitives(stem)
        last, vowel, before = stem[-1], stem[-2], stem[-3]
        if last == vowel and last not in VOWELS:
            forms.add(stem[:-1])  # bussen: bus
        elif last not in VOWELS and vowel in "aeou" and before not in VOWELS:
            forms.add(stem[:-1] + vowel + last)  # concreter: concreet, maken: maak
        if last in "vz":
            forms.add(stem[:-1] + ("f" if last == "v" else "s"))  # leven: leef, reizen: reis
    forms.discard(word)
    return forms
