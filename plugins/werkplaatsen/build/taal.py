"""`python -m werkplaatsen.build.taal`: `make taal`, the plain-language (B1) report of the site's texts, in Dutch.

It reads the content as a build does (the same checks, the same Dutch messages for a broken
file), checks every prose text of every item (see view/language.py) and prints the items with the
most findings first, each finding with its field, line and sentence, then one summary line for
the whole site. The findings are advice: it exits 0, unless ``--streng`` asks it to fail above
thresholds (for teams that want it in CI).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.numbers import format_decimal
from pelican.settings import read_settings

from ..model.dutch import LOCALE, count
from ..model.errors import ContentErrors
from ..plainlanguage import Checker, Kind, Stats, aggregate, summary
from ..view.language import ItemReport, accepted_names, check_item
from .atomic import print_code_fault, quiet_pelican_logging
from .generator import WerkplaatsenGenerator

# The names of the thresholds of --streng, one per kind of finding, plus two for the whole site.
LIMITS = {"lange-zinnen": Kind.LONG_SENTENCE, "lijdende-vormen": Kind.PASSIVE, "ambtelijke-woorden": Kind.OFFICIALESE,
          "weinig-gebruikte-woorden": Kind.RARE_WORD, "lange-woorden": Kind.LONG_WORD, "je-vormen": Kind.FAMILIAR}
READABILITY, SENTENCE_LENGTH = "leesbaarheid", "zinslengte"  # lowest Flesch-Douma, longest average sentence
STRICT_EXAMPLE = "STRENG=ja of STRENG='lange-woorden=70 lange-zinnen=40 leesbaarheid=60'"


class UsageError(Exception):
    """A mistake in how `make taal` was called, said in Dutch."""


def number(value: float) -> str:
    """'10,1': one decimal, Dutch style."""
    return format_decimal(round(value, 1), format="#,##0.0", locale=LOCALE)


def whole(value: int) -> str:
    """'10.066'."""
    return format_decimal(value, locale=LOCALE)


def thresholds(text: str) -> dict[str, float]:
    """--streng: 'ja' allows no finding at all; 'lange-woorden=70 leesbaarheid=60' allows that many
    (every kind not named: none) and sets a lowest score or longest average sentence."""
    limits: dict[str, float] = dict.fromkeys(LIMITS, 0)
    if text.strip().lower() == "ja":
        return limits
    for part in text.replace(",", " ").split():
        name, _, value = part.partition("=")
        if name not in (*LIMITS, READABILITY, SENTENCE_LENGTH):
            raise UsageError(f'"{name}" kent make taal niet als drempel. Gebruik {", ".join([*LIMITS, READABILITY, SENTENCE_LENGTH])}; '
                          f"bijvoorbeeld {STRICT_EXAMPLE}.")
        try:
            limits[name] = float(value.replace(",", "."))
        except ValueError:
            raise UsageError(f'bij "{name}" hoort een getal, zoals {name}=10.') from None
    return limits


def over(stats: Stats, limits: dict[str, float]) -> list[str]:
    """In Dutch, each threshold the site goes beyond."""
    found = [f"{kind.describe(stats.findings.get(kind, 0))} (toegestaan: {limits[name]:g})"
             for name, kind in LIMITS.items() if stats.findings.get(kind, 0) > limits[name]]
    if READABILITY in limits and (stats.flesch_douma or 0) < limits[READABILITY]:
        found.append(f"Flesch-Douma {number(stats.flesch_douma or 0)} (laagste toegestaan: {limits[READABILITY]:g})")
    if SENTENCE_LENGTH in limits and (stats.average_sentence_length or 0) > limits[SENTENCE_LENGTH]:
        found.append(f"gemiddeld {number(stats.average_sentence_length)} woorden per zin "
                     f"(hoogste toegestaan: {limits[SENTENCE_LENGTH]:g})")
    return found


def check_site(settings: dict, only: str | None = None) -> list[ItemReport]:
    """Read the content as a build does (raises ContentErrors); check every item, or the one file `only`."""
    generator = WerkplaatsenGenerator.for_settings(settings)
    generator.generate_context()
    items = list(generator.catalog)
    if only is not None:
        wanted = Path(only).resolve()
        folder = Path(settings["PATH"])  # a source path is "content/<type>/<name>.md" wherever the folder is
        items = [item for item in items if (folder / Path(*Path(item.source.path).parts[1:])).resolve() == wanted]
        if not items:
            raise UsageError(f"{only} is geen inhoudsbestand van deze site. Geef een bestand in "
                          f"{Path(settings['PATH']).name}/, zoals content/sessies/naam.md.")
    checker = Checker(accepted_names(generator.catalog, generator.terms))
    return [check_item(checker, item, generator.markdown) for item in items]


def report(reports: list[ItemReport]) -> str:
    """The items with findings, most first, then the summary line of all of them."""
    lines = []
    for item in sorted(reports, key=lambda item: (-item.findings, item.file)):
        if not item.findings:
            continue
        stats = item.stats
        lines += ["", f"{item.file}: {summary(stats.findings)}; gemiddeld {number(stats.average_sentence_length)} "
                      f"woorden per zin, Flesch-Douma {number(stats.flesch_douma)}"]
        for text in item.texts:
            for finding in text.report.findings:
                label = finding.kind.label
                word = "" if finding.kind is Kind.LONG_SENTENCE else f' "{finding.text}"'
                where = f"regel {text.line}, {text.where}" if text.path else text.where
                lines.append(f"- {where}: {label}{word}")
                lines.append(f'  Zin: "{finding.sentence}"')
                lines.append(f"  {finding.message}")
    site = aggregate(text.report for item in reports for text in item.texts)
    lines += ["", f"Samen: {summary(site.findings)} in {count(len(reports), 'bestand', 'bestanden')}, "
                  f"{whole(site.sentences)} zinnen en {whole(site.words)} woorden; "
                  f"gemiddeld {number(site.average_sentence_length or 0)} woorden per zin, Flesch-Douma "
                  f"{number(site.flesch_douma or 0)} (hoger is makkelijker; 60 tot 70 past bij de meeste lezers)."]
    return "\n".join(lines).lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content", type=Path)
    parser.add_argument("--bestand", default="", help="check only this content file")
    parser.add_argument("--streng", default="", help="fail above thresholds: 'ja' or 'lange-woorden=70 leesbaarheid=60'")
    args = parser.parse_args(argv)
    quiet_pelican_logging()
    try:
        limits = thresholds(args.streng) if args.streng.strip() else None
        settings = read_settings(args.settings, override={"PATH": str(args.content.absolute())})
        reports = check_site(settings, args.bestand or None)
    except UsageError as problem:
        print(f"make taal: {problem}", file=sys.stderr)
        return 2
    except ContentErrors as problems:
        print(problems.report(f"Los {problems.them} op; dan controleert make taal de teksten."), file=sys.stderr)
        return 1
    except Exception:  # a bug in code or templates, not in the content
        print_code_fault("De taalcheck", "Er is niets veranderd.")
        return 1
    print(report(reports))
    if limits is None:
        return 0
    beyond = over(aggregate(text.report for item in reports for text in item.texts), limits)
    if beyond:
        print(f"\nmake taal STRENG: boven de drempel: {'; '.join(beyond)}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
