"""The two word lists the project keeps itself, as YAML files beside this module.

- ``accepted_terms.yaml``: words of this programme that are never reported as hard ("casus").
- ``officialese.yaml``: officialese with a plainer alternative ("middels": "met").

Editors may change both, so a mistake in them is reported in Dutch with the file, line and field,
every mistake at once, as the content checks do. Each file is read again only when it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..model.errors import ContentError, ContentErrors
from .sentences import WORD

ACCEPTED_TERMS_FILE = Path(__file__).with_name("accepted_terms.yaml")
OFFICIALESE_FILE = Path(__file__).with_name("officialese.yaml")
GAP = "…"  # in a form: a few words may stand here ("dient … te")
FORMS, PLAINER = "vormen", "beter"


@dataclass(frozen=True)
class Officialese:
    forms: tuple[str, ...]  # as written in the file, "…" for a gap
    plainer: str


def accepted_terms(path: Path = ACCEPTED_TERMS_FILE) -> tuple[str, ...]:
    return _read(Path(path), Path(path).stat().st_mtime_ns, _accepted_terms)


def officialese(path: Path = OFFICIALESE_FILE) -> tuple[Officialese, ...]:
    return _read(Path(path), Path(path).stat().st_mtime_ns, _officialese)


@cache
def _read(path: Path, modified: int, parse):
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except UnicodeDecodeError:
        raise ContentErrors([ContentError(path.name, 0, (), (
            "de taalcheck kan dit bestand niet lezen. Sla het op als UTF-8 (de gewone tekstcodering)."))]) from None
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentErrors([ContentError(path.name, mark.line + 1 if mark else 0, (), (
            "de taalcheck kan deze regel niet lezen. Kijk of streepjes, dubbele punten en "
            "aanhalingstekens goed staan, zoals in de voorbeelden bovenaan het bestand."))]) from None
    values, problems = parse(root, path.name)
    if problems:
        raise ContentErrors(problems)
    return values


def _problem(name: str, node, field: tuple, message: str) -> ContentError:
    return ContentError(name, node.start_mark.line + 1, field, message)


def _text(node) -> str | None:
    """The text of a non-empty scalar, else None."""
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return node.value.strip()
    return None


def _accepted_terms(root, name: str) -> tuple[tuple[str, ...], list[ContentError]]:
    if root is None:
        return (), []
    if not isinstance(root, yaml.SequenceNode):
        return (), [_problem(name, root, (), "het bestand is een lijst van woorden: op elke regel een streepje en "
                                             "een woord, zoals - casus.")]
    terms, problems = [], []
    for node in root.value:
        if (term := _text(node)) is None:
            problems.append(_problem(name, node, (), "zet op deze regel één woord, zoals - casus."))
        else:
            terms.append(term)
    return tuple(terms), problems


def _officialese(root, name: str) -> tuple[tuple[Officialese, ...], list[ContentError]]:
    if root is None:
        return (), []
    if not isinstance(root, yaml.SequenceNode):
        return (), [_problem(name, root, (), f"het bestand is een lijst: per woord een regel '- {FORMS}: [...]' en "
                                             f"een regel '{PLAINER}: ...', zoals in de voorbeelden bovenaan.")]
    entries, problems, seen = [], [], {}
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            problems.append(_problem(name, node, (), f"schrijf elk woord als '- {FORMS}: [middels]' met op de "
                                                     f"regel daaronder '{PLAINER}: met'."))
            continue
        fields = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        for key, _ in node.value:
            if _text(key) not in (FORMS, PLAINER):
                problems.append(_problem(name, key, (_text(key) or "?",), (
                    f"dit veld kent de taalcheck niet. Gebruik alleen '{FORMS}' en '{PLAINER}'.")))
        forms = _forms(fields.get(FORMS), node, name, problems, seen)
        plainer = _text(fields.get(PLAINER)) if PLAINER in fields else None
        if plainer is None:
            problems.append(_problem(name, fields.get(PLAINER, node), (PLAINER,),
                                     "geef hier een gewoner woord, zoals: met."))
        if forms and plainer:
            entries.append(Officialese(forms, plainer))
    return tuple(entries), problems


def _forms(node, entry, name: str, problems: list, seen: dict) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.append(_problem(name, node or entry, (FORMS,), (
            "geef hier een lijst met de woorden die de taalcheck moet vinden, zoals [middels] of "
            f"[dient {GAP} te, dienen {GAP} te].")))
        return ()
    forms = []
    for item in node.value:
        form = _text(item)
        if form is None or WORD.search(form) is None:
            problems.append(_problem(name, item, (FORMS,),
                                     "deze vorm heeft geen woord. Schrijf een woord, zoals middels."))
        elif form.startswith(GAP) or form.endswith(GAP) or f"{GAP} {GAP}" in " ".join(form.split()):
            problems.append(_problem(name, item, (FORMS,), (
                f"de drie puntjes ({GAP}) mogen alleen tussen twee woorden staan, zoals: dient {GAP} te.")))
        elif (key := " ".join(form.lower().split())) in seen:
            problems.append(_problem(name, item, (FORMS,), (
                f"'{form}' staat al in de lijst, op regel {seen[key]}. Laat het op één plek staan.")))
        else:
            seen[key] = item.start_mark.line + 1
            forms.append(form)
    return tuple(forms)
