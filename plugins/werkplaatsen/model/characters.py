"""Which characters a text may hold: the one rule for every value, after YAML has decoded it.

A double-quoted YAML value can hold any character as an escape (``"a\\x0bb"``, ``"\\u2028"``),
so a check of the raw file alone lets them through to the outputs, where a vertical tab breaks
the XML of a feed and a line break in a title breaks a calendar line. Every value is therefore
checked as the schema sees it (see ``fields``), and the raw file with the same rule, for the line
of a character in the Markdown body.

- A one-line text (a title, a name, a summary, a web address, a date) holds no line break of any
  kind (LF, CR, NEL, U+2028, U+2029, VT, FF) and no tab or other control character.
- A multi-line text (a Markdown field) keeps its paragraphs: a newline and a tab are fine, every
  other line break and control character is not.
- No text holds characters that make it show something else than it is: the bidi controls that
  reverse or reorder text (the "Trojan Source" characters), tag characters that carry hidden
  text, interlinear annotations, deprecated format characters, invisible operators, a byte order
  mark inside the text; nor what is no character at all (surrogates, noncharacters), which XML
  and UTF-8 refuse. Soft hyphens, zero-width spaces and (non-)joiners stay: they only affect
  where a word breaks or how letters join, which Dutch compounds and emoji need.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # Unicode's Bidi_Control property
_HIDDEN = "\u2061-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
_NOT_CHARACTERS = "\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
_C0 = "\x00-\x08\x0b\x0c\x0e-\x1f"  # but tab, newline and carriage return
_ALWAYS = _C0 + "\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS + _HIDDEN + _NOT_CHARACTERS

MULTI_LINE = re.compile(f"[{_ALWAYS}\r]")
ONE_LINE = re.compile(f"[{_ALWAYS}\r\t\n]")
# The raw file is a multi-line text whose lines may end in CR LF (Windows).
IN_FILE = re.compile(f"[{_ALWAYS}]|\r(?!\n)")

_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_ESCAPED = "Staat er een teken als \\x0b tussen aanhalingstekens, haal dat dan weg."


def code(character: str) -> str:
    return f"U+{ord(character):04X}"


def what(character: str, where: str = "") -> str:
    """What is wrong with a character, in Dutch, and what to do about it."""
    if _BIDI.fullmatch(character):
        return (f"een onzichtbaar teken ({code(character)}){where} dat de leesrichting van de tekst verandert: "
                "zo ziet de tekst er anders uit dan hij is. Verwijder het.")
    return (f"een onzichtbaar teken ({code(character)}){where} dat niet mag. Verwijder het; het komt vaak mee "
            "als u tekst kopieert uit een ander programma.")


def problem(text: str, one_line: bool) -> str | None:
    """A Dutch message for the first character `text` may not hold, or None when every one may."""
    found = (ONE_LINE if one_line else MULTI_LINE).search(text)
    if not found:
        return None
    character = found.group()
    before = " ".join(text[:found.start()].split()[-4:])[-30:]  # the words before it, on one line
    where = f' na "{before}"' if before else " aan het begin"
    if character == "\t":
        return f"dit veld is één regel tekst, maar de waarde heeft een tab{where}. Gebruik een spatie."
    if one_line and character in LINE_BREAKS:
        return (f"dit veld is één regel tekst, maar de waarde heeft een regeleinde ({code(character)}){where}. "
                "Zet de tekst op één regel, zonder | of > achter de naam van het veld en zonder \\n tussen "
                "aanhalingstekens.")
    if character in LINE_BREAKS:
        return (f"de tekst heeft een ongewoon regeleinde ({code(character)}){where}. Begin een nieuwe regel "
                f"gewoon met Enter. {_ESCAPED}")
    return f"de waarde heeft {what(character, where)} {_ESCAPED}"
