"""A large, valid, cross-linked content tree for benchmarks (not for tests of behaviour), and
where the site writes each of its items' pages."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from werkplaatsen.model.contenttypes import BY_FOLDER

# The moment the benchmark's builds run at: after every date in the generated content, so no report
# or news item waits for its publication date and every item has its page in production too.
NOW = "2025-06-01 12:00"
PAGES = ("over", "aanmelden", "contact", "toegankelijkheid", "privacy")
PARAGRAPH = (
    "In de wijk werken bewoners, professionals en de gemeente samen aan een opgave die "
    "meerdere domeinen raakt. Het trio verkent wat er speelt en wie er nodig zijn. "
)


def _write(path: Path, front_matter: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter.strip()}\nstatus: gepubliceerd\n---\n{body}\n", encoding="utf-8")


def _list(name: str, values) -> str:
    return f"{name}:\n" + "".join(f"  - {value}\n" for value in values)


def _body(sections: int, owner: str) -> str:
    """Unique text per item, so no cache or deduplication flatters the numbers."""
    return "\n\n".join(
        f"## Deel {n} van {owner}\n\n{PARAGRAPH * 4}\n\n- punt een over {owner}\n- punt twee" for n in range(1, sections + 1)
    )


def generate(root: Path, items: int = 1000, seed: int = 31) -> Path:
    """Write about `items` content files under root/content and return that folder."""
    rng = random.Random(seed)
    content = root / "content"
    counts = {"ronde": max(2, items // 100), "persoon": items // 20, "instrument": items // 10,
              "casus": items // 4, "verslag": items // 10, "bericht": items // 20}
    counts["sessie"] = items - sum(counts.values()) - len(PAGES) - 1
    _write(content / "partners/platform31.md", "titel: Platform31\nsamenvatting: Kennisorganisatie.", "")
    for page in PAGES:  # the pages the menu and footer link to
        _write(content / f"paginas/{page}.md", f"titel: {page.capitalize()}\nsamenvatting: Over {page}.", _body(2, page))
    themes = ["wonen-en-zorg", "participatie", "klimaatadaptatie", "samenwerking", "openbare-ruimte"]
    for n in range(counts["persoon"]):
        _write(content / f"personen/persoon-{n}.md", f"titel: Persoon {n}\nfunctie: Adviseur\norganisatie: platform31", "")
    for n in range(counts["ronde"]):
        year = 2019 + n
        _write(content / f"rondes/ronde-{n}.md", f"""
titel: Ronde {n}
nummer: {n + 1}
periode:
  start: {year}-09-01
  eind: {year}-12-15
samenvatting: Een ronde.
doelgroep: Wijkambtenaren
partners:
  - partner: platform31
    rol: organisator
aanmelding:
  url: https://www.lpbagenda.nl/ronde-{n}
  opent: {year}-08-01 09:00
  sluit: {year}-09-20 17:00
{_list("themas", rng.sample(themes, 2))}""", _body(2, f"ronde {n}"))
    for n in range(counts["instrument"]):
        _write(content / f"instrumenten/instrument-{n}.md", f"""
titel: Instrument {n}
samenvatting: Een werkvorm.
doel: Samen kijken.
{_list("stappen", ["Kies een route.", "Loop de route.", "Bespreek wat u zag."])}
duur: 2 uur
eigenaar: platform31
gecontroleerd: 2024-06-01
{_list("themas", rng.sample(themes, 2))}""", _body(3, f"instrument {n}"))
    for n in range(counts["casus"]):
        instruments = [f"instrument-{rng.randrange(counts['instrument'])}" for _ in range(2)]
        _write(content / f"casussen/casus-{n}.md", f"""
titel: Casus {n}
gemeente: Gemeente {n % 40}
ronde: ronde-{n % counts['ronde']}
{_list("domeinen", ["sociaal", "wonen"])}
opgave: Een opgave in de wijk.
{_list("instrumenten", sorted(set(instruments)))}
bijgewerkt: 2024-10-01
{_list("themas", rng.sample(themes, 2))}""", _body(3, f"casus {n}"))
    for n in range(counts["sessie"]):
        r = n % counts["ronde"]
        day = 1 + n % 28
        _write(content / f"sessies/sessie-{n}.md", f"""
titel: Sessie {n}
ronde: ronde-{r}
start: {2019 + r}-10-{day:02d} 13:30
eind: {2019 + r}-10-{day:02d} 17:00
vorm: online
samenvatting: Een sessie.
{_list("instrumenten", [f"instrument-{rng.randrange(counts['instrument'])}"])}
{_list("casussen", [f"casus-{rng.randrange(counts['casus'])}"])}
{_list("sprekers", [f"persoon-{rng.randrange(counts['persoon'])}"])}
{_list("themas", rng.sample(themes, 1))}""", _body(2, f"sessie {n}"))
    for n in range(counts["verslag"]):
        _write(content / f"verslagen/verslag-{n}.md", f"""
titel: Verslag {n}
soort: verslag
datum: 2024-11-01
{_list("auteurs", [f"persoon-{rng.randrange(counts['persoon'])}"])}
{_list("organisaties", ["platform31"])}
{_list("sessies", [f"sessie-{rng.randrange(counts['sessie'])}"])}
samenvatting: Wat we leerden.
lessen:
  - titel: Begin klein
    tekst: Een kleine stap werkt.
    casussen:
      - casus-{rng.randrange(counts['casus'])}
{_list("themas", rng.sample(themes, 2))}""", _body(6, f"verslag {n}"))
    for n in range(counts["bericht"]):
        _write(content / f"berichten/bericht-{n}.md", f"""
titel: Bericht {n}
datum: 2024-{1 + n % 12:02d}-{1 + n % 28:02d}
afzender: Webredactie
samenvatting: Nieuws over de werkplaatsen.
{_list("sessies", [f"sessie-{rng.randrange(counts['sessie'])}"])}
{_list("themas", rng.sample(themes, 1))}""", _body(1, f"bericht {n}"))
    return content


@dataclass(frozen=True, order=True)
class ContentFile:
    """One content file: content/<folder>/<slug>.md."""
    folder: str
    slug: str

    def path(self, content: Path) -> Path:
        return content / self.folder / f"{self.slug}.md"


def items(content: Path) -> list[ContentFile]:
    """Every content item under `content`, in a stable order."""
    return sorted(ContentFile(path.parent.name, path.stem) for path in content.glob("*/*.md"))


def site_page(item: ContentFile) -> str:
    """Where the site writes an item's page (its type's URL, as a file)."""
    return BY_FOLDER[item.folder].url_for(item.slug).strip("/") + "/index.html"
