"""The editor guide (Dutch), generated from the content model so it cannot drift from it."""

from __future__ import annotations

from ..contenttypes import TYPES
from .fieldspec import FieldSpec, specs

INTRO = """\
# Redactiegids: inhoud toevoegen en wijzigen

Deze gids wordt gemaakt uit het inhoudsmodel (`plugins/werkplaatsen/schemas.py` en
`plugins/werkplaatsen/vocabulary.yaml`). Pas deze gids dus niet met de hand aan: na een
wijziging in het model maakt `make docs` hem opnieuw.

## Zo werkt het

- Elke pagina is één Markdown-bestand in de map van zijn soort, bijvoorbeeld
  `content/sessies/sessie-2-wonen.md`. De bestandsnaam (zonder `.md`) is de korte naam en het
  webadres: `/sessies/sessie-2-wonen/`. Gebruik alleen kleine letters, cijfers en streepjes.
- Bovenaan staan de velden tussen twee regels `---`, daaronder de tekst in Markdown.
- Een nieuw bestand maakt u met `make nieuw TYPE=sessie TITEL="Titel van de sessie"`. Daarin
  staan alle velden met uitleg. Een nieuw bestand is eerst een concept (`status: concept`).
- Controleer uw werk met `make check`. Elke fout noemt het bestand, de regel en het veld, en wat
  er wel mag. Bekijk de site met `make serve` op http://localhost:8000: bij elke opslag wordt de
  site opnieuw gemaakt en ziet u fouten in het terminalvenster.
- Schrijf datums als `2019-10-08` en datum met tijd als `2019-10-08 13:30`. Schrijf ja of nee
  als `ja` of `nee`. Zet een tekst met een dubbele punt tussen aanhalingstekens.
- Verwijs naar een ander item met zijn korte naam, bijvoorbeeld `ronde: ronde-2-najaar-2019`.
  De site toont de verwijzing dan op beide pagina's.
- In de tekst: koppen beginnen met `##` (de titel is de enige hoofdkop). Link binnen de site
  met `/sessies/korte-naam/`, naar buiten alleen met `https://` naar een toegestane website.
  HTML is niet toegestaan. Bestanden en afbeeldingen staan in `content/bestanden/`; een
  afbeelding heeft altijd een alt-tekst: `![Wat er te zien is](/bestanden/foto.jpg)`.
- Verzonnen inhoud krijgt `voorbeeld: ja`. Die gaat nooit naar de echte site.

## In de browser: het beheer

Met `make beheer` werkt u in uw browser, op http://localhost:8000/beheer/, met een formulier per
soort (de README legt stap voor stap uit hoe). Het formulier heeft dezelfde velden, uitleg en
woordenlijsten als deze gids. Elke keer opslaan is één vastlegging in git, op uw naam.

- Het formulier controleert elk veld apart: verplichte velden, datums, webadressen en de
  woordenlijsten. Klopt iets niet, dan staat onder het veld wat er mis is, en wordt er niets
  opgeslagen.
- Regels over twee velden samen ziet het formulier niet: het einde ligt na het begin, een fysieke
  of hybride sessie heeft een locatie, een aanmelding heeft een formulier (behalve als hij
  geannuleerd is), een materiaal heeft een bestand of een link. Die meldt de volgende build, in het
  venster waarin het beheer draait, met het bestand en het veld. Pas het item aan en sla opnieuw op.
- Een groep velden, zoals Locatie, mag helemaal leeg blijven. Vult u er iets in, vul dan ook de
  velden in die de uitleg noemt.
- De bestandsnaam komt uit de titel en verandert daarna niet meer. Een titel die een adres van de
  site zelf zou geven (zoals Sessies of Thema's) weigert het formulier. Meldt de build toch dat het
  adres al bestaat, verwijder het item dan in het beheer en maak het opnieuw met een andere titel.
"""


def guide(vocabulary: dict) -> str:
    parts = [INTRO]
    for kind in TYPES:
        parts.append(f"## {kind.label}: map `content/{kind.folder}/`\n")
        parts.append(f"Webadres: `{kind.url_for('korte-naam')}`. Nieuw: `make nieuw TYPE={kind.name} TITEL=\"...\"`.\n")
        parts.append("| Veld | Op de site | Verplicht | Wat mag er | Uitleg |\n|---|---|---|---|---|")
        parts += _rows(specs(kind.schema, vocabulary), prefix="")
        parts.append("")
    parts.append("## Woordenlijsten\n")
    parts.append("Gebruik in de velden de korte waarde (links); de site toont het label (rechts).\n")
    for name, terms in vocabulary.items():
        parts.append(f"### {name}\n")
        parts += [f"- `{key}`: {label}" for key, label in terms.items()]
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _rows(fields: list[FieldSpec], prefix: str) -> list[str]:
    rows = []
    for spec in fields:
        name = f"{prefix}{spec.name}"
        rows.append(
            f"| `{name}` | {spec.label} | {'ja' if spec.required else 'nee'} | {spec.kind_text} | {spec.help} |"
        )
        rows += _rows(spec.children, prefix=f"{name}{'[]' if spec.many else ''}.")
    return rows
