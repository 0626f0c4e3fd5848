"""The editor guide (Dutch, B1), generated from the content model so it cannot drift from it.

Tasks come first, each the browser way and the git way; then the reference: every field of every
type, each vocabulary once, the allowed websites from the settings and the allowed files from the
upload rules. Paths, required fields, messages and examples are produced by the same code the
checks and `make nieuw` use.
"""

from __future__ import annotations

import re
from datetime import date

from ..build import check, problems
from ..model import dutch
from ..model.clock import midnight
from ..model.contenttypes import BY_NAME, TYPES, ContentType
from ..model.errors import ContentError, ContentErrors
from ..model.fields import slugify
from ..model.filetypes import FILES_PATH, UPLOADS
from ..model.routes import FILES_URL
from ..model.schemas import Schema
from ..reading import frontmatter
from ..reading.catalog import LoadOptions
from ..reading.uploads import MAX_MB
from ..reading.validation import validate
from .fieldspec import KINDS, FieldSpec, specs
from .languageguide import language_section

# The titles the tasks use as examples; the guide shows the file each gives.
SESSION_TITLE = "Sessie 3: pleinen en water"
ROUND_TITLE = "Ronde 3, najaar 2020"
NEWS_TITLE = "Verslag van ronde 2 verschenen"
EMBARGO_DAY = date(2020, 3, 2)

# A complete session as a file (the reference shows it; a test checks it passes the checks).
EXAMPLE_FILE = """\
---
titel: "Sessie 3: pleinen en water"
status: concept
ronde: ronde-2-najaar-2019
nummer: 3
start: 2019-11-12 13:30
eind: 2019-11-12 17:00
vorm: fysiek
locatie:
  naam: Wijkcentrum De Kern
  adres: Plein 1
  plaats: Utrecht
samenvatting: We bespreken hoe u een plein aanpast tegen wateroverlast.
# Een regel die met # begint, is uitleg. De site leest hem niet.
agenda:
  - tijd: 13:30
    onderdeel: Welkom
  - tijd: 14:00
    onderdeel: Wandeling over het plein
themas:
  - klimaatadaptatie
  - openbare-ruimte
voorbereiding: >-
  Zoek de kaart van de klimaatstresstest van uw gemeente op
  en neem een afdruk mee.
---
Hier staat de tekst van de pagina, in Markdown.

## Een kop in de tekst

""" f"Een link naar [het programma]({BY_NAME['ronde'].list_url}).\n"
# An image in a text, as the reference and the task for files show it.
IMAGE_EXAMPLE = f"![Wat er te zien is]({FILES_URL}nieuws/plein.jpg)"

# The session file of the "fix a mistake" task: two mistakes, as an editor might make them.
MISTAKES = (("start: 2019-11-12 13:30", "start: 12-11-2019 13:30"), ("vorm: fysiek", "vorm: fysik"))

# Writing rules for fields: (explanation, wrong line, right line, what the right line holds). A test
# puts each line in place of its field in EXAMPLE_FILE and runs the checks: the right line gives
# that value, the wrong one is refused or gives something else.
YAML_RULES = (
    ("Een `#` met een spatie ervoor begint uitleg: de site leest de rest van de regel niet. Staat er "
     "een `#` in uw tekst? Zet de tekst dan tussen aanhalingstekens.",
     "titel: Sessie #3 over wonen", 'titel: "Sessie #3 over wonen"', "Sessie #3 over wonen"),
    ("Staat er een dubbele punt met een spatie erachter in uw tekst? Zet de tekst dan tussen "
     "aanhalingstekens.",
     "titel: Sessie 3: pleinen en water", 'titel: "Sessie 3: pleinen en water"', "Sessie 3: pleinen en water"),
    ("Schrijf een datum als jaar-maand-dag, met streepjes: `2019-10-08`. Een datum met tijd: "
     "`2019-10-08 13:30`. Een tijd: `13:30`.",
     "start: 12-11-2019 13:30", "start: 2019-11-12 13:30", "2019-11-12 13:30"),
)


def guide(vocabulary: dict, settings: dict) -> str:
    hosts = LoadOptions.from_settings(settings).hosts
    parts = [
        _intro(),
        _session_task(vocabulary),
        _round_task(vocabulary, hosts),
        _file_task(),
        _embargo_task(),
        _mistake_task(vocabulary, hosts),
        _git_task(),
        _example_file(),
        _writing_rules(),
        language_section(),
        _reference(vocabulary),
        _vocabularies(vocabulary),
        _websites(hosts),
        _files(),
        "<!-- Gemaakt uit het inhoudsmodel door plugins/werkplaatsen/editor/guide.py (make docs). -->",
    ]
    return "\n\n".join(part.strip("\n") for part in parts) + "\n"


# Helpers --------------------------------------------------------------------------------------

def anchor(heading: str) -> str:
    """The id GitHub and most Markdown viewers give a heading: '## Een fout oplossen' -> 'een-fout-oplossen'."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def link(heading: str) -> str:
    return f"[{heading}](#{anchor(heading)})"


def steps(*lines: str) -> str:
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, 1))


def commands(*lines: str, indent: str = "   ") -> str:
    """A block of commands to type, inside a numbered step."""
    return "\n".join([f"\n{indent}```sh", *(f"{indent}{line}" for line in lines), f"{indent}```"])


def new_file_path(kind: ContentType, title: str) -> str:
    """The file `make nieuw` writes for a title (scaffold.new_file uses the same rule)."""
    return f"content/{kind.folder}/{slugify(title)}.md"


def required(kind: ContentType, vocabulary: dict) -> str:
    """The required fields of a type by their labels, those every type has first."""
    return ", ".join(f"**{spec.label}**" for spec in specs(kind.schema, vocabulary) if spec.required)


SAVE = "Klik bovenaan op **Opslaan** en daarna op **Nu opslaan**."


def open_new(kind: ContentType) -> str:
    return (f"Klik in het beheer links op **{kind.plural}**. Klik dan op de knop om "
            f"een {kind.new.lower()} te maken.")


def make_new(kind: ContentType, title: str) -> str:
    """The step that makes a file with `make nieuw`, naming the file it gives."""
    return ("Maak het bestand. Typ in de Terminal:" + commands(f'make nieuw TYPE={kind.name} TITEL="{title}"')
            + f"\n\n   U krijgt het bestand `{new_file_path(kind, title)}`")


def git_steps(paths: list[str], message: str) -> str:
    return ("Klaar om te publiceren? Zet `status: gepubliceerd`. Leg uw werk dan vast en verstuur het:"
            + commands(*(f"git add {path}" for path in paths), f'git commit -m "{message}"', "git push")
            + f"\n\n   Wat deze opdrachten doen, staat bij {link(GIT)}.")


def browser_publish() -> str:
    return (f"Klaar om te publiceren? Zet **Publicatiestatus** op **Gepubliceerd** en sla op. Verstuur uw "
            f"werk dan naar de echte site: zie {link(GIT)}.")


def hosts_text(names: tuple[str, ...]) -> str:
    return ", ".join(f"`{name}`" for name in names)


# The tasks ------------------------------------------------------------------------------------

SESSION, ROUND, FILE, EMBARGO, MISTAKE, GIT = (
    "Een sessie toevoegen", "Een ronde toevoegen", "Een bestand toevoegen", "Een bericht met embargo",
    "Een fout oplossen", "Vastleggen en versturen")
BANNER = "De melding in de voorbeeldweergave"  # a part of MISTAKE
EXAMPLE, RULES, REFERENCE, VOCABULARIES, WEBSITES, FILES = (
    "Zo ziet een bestand eruit", "Regels voor de velden", "Alle velden per soort", "Woordenlijsten",
    "Toegestane websites", "Bestanden: soorten en grootte")


def _intro() -> str:
    tasks = ", ".join(link(task) for task in (SESSION, ROUND, FILE, EMBARGO, MISTAKE, GIT))
    reference = ", ".join(link(part) for part in (EXAMPLE, RULES, REFERENCE, VOCABULARIES, WEBSITES, FILES))
    return f"""\
# Redactiegids

Deze gids legt uit hoe u inhoud op de site zet en verandert. Eerst staan de taken, stap voor
stap. Daarna volgen alle velden, de woordenlijsten en de regels voor het schrijven.

- Taken: {tasks}.
- Naslag: {reference}.

U kunt op twee manieren werken. Bij elke taak staan ze allebei.

- **In de browser, met het beheer.** U vult een formulier in. Start het beheer: open het
  programma Terminal, ga naar de map van de site en typ `make beheer`. Open dan
  http://localhost:8000/beheer/ en klik op **Inloggen**. Stoppen doet u met Ctrl en C tegelijk.
- **In de bestanden, met git.** U schrijft zelf in de bestanden in de map `content/`, met een
  teksteditor. Controleer uw werk met `make check`. Bekijk de site met `make serve` op
  http://localhost:8000.

Wat u opslaat, staat eerst alleen op uw eigen computer. Naar de echte site gaat het pas als u het
verstuurt (zie {link(GIT)}).

## Zo werkt het

- Elk item is één bestand in de map van zijn soort: een sessie in `content/sessies/`, een bericht
  in `content/berichten/`. De naam van het bestand, zonder `.md`, is de **korte naam** van het
  item. Die staat ook in het webadres: `content/sessies/sessie-3.md` komt op `/sessies/sessie-3/`.
- U verwijst naar een ander item met zijn korte naam, bijvoorbeeld `ronde: ronde-2-najaar-2019`.
  De site toont de verwijzing dan op allebei de pagina's.
- Bovenaan het bestand staan de velden, tussen twee regels `---`. Daaronder staat de tekst.
- Een nieuw item is eerst een concept (`status: concept`). Dat ziet alleen u, in de
  voorbeeldweergave. Op de echte site komt het pas met `status: gepubliceerd`.
- Verzonnen inhoud krijgt `voorbeeld: ja`. Die gaat nooit naar de echte site.
- De voorbeeldweergave (http://localhost:8000, met `make serve` of `make beheer`) is na elke
  keer opslaan binnen een paar seconden bijgewerkt."""


def _session_task(vocabulary: dict) -> str:
    kind = BY_NAME["sessie"]
    path = new_file_path(kind, SESSION_TITLE)
    browser = steps(
        open_new(kind),
        f"Vul de velden in. Onder elk veld staat wat erin hoort. Verplicht zijn: {required(kind, vocabulary)}.",
        "Kies bij **Ronde** de ronde. Kies **Begint** en **Eindigt** binnen de periode van die ronde.",
        "Kies bij **Vorm** fysiek, online of hybride. Bij fysiek en hybride vult u ook **Locatie** in.",
        f"{SAVE} Het beheer legt uw werk vast, op uw naam.",
        "Bekijk de sessie op http://localhost:8000/sessies/.",
        browser_publish(),
    )
    git = steps(
        make_new(kind, SESSION_TITLE) + ", met alle velden en hun uitleg.",
        "Open het bestand in uw teksteditor. Vul de verplichte velden in. Schrijf bij `ronde` de korte naam "
        "van de ronde, zoals `ronde-2-najaar-2019`.",
        "Controleer uw werk met `make check`. Krijgt u een melding? Zie " + link(MISTAKE) + ".",
        "Bekijk het resultaat: typ `make serve` en open http://localhost:8000/sessies/.",
        git_steps([path], "Sessie 3 toegevoegd"),
    )
    return f"""\
## {SESSION}

Een sessie hoort bij een ronde en valt binnen de periode van die ronde. Bestaat de ronde nog
niet? Maak dan eerst de ronde: zie {link(ROUND)}.

**In de browser**

{browser}

**Met git**

{git}"""


def _round_task(vocabulary: dict, hosts: dict) -> str:
    kind = BY_NAME["ronde"]
    path = new_file_path(kind, ROUND_TITLE)
    browser = steps(
        open_new(kind),
        "Vul de velden in. Vul bij **Periode** de eerste en de laatste dag van de ronde in.",
        SAVE,
        "Maak nu de sessies van de ronde: zie " + link(SESSION) + ".",
        browser_publish(),
    )
    git = steps(
        make_new(kind, ROUND_TITLE) + f". De korte naam van de ronde is dus `{slugify(ROUND_TITLE)}`: die "
        "schrijft u bij elke sessie in het veld `ronde`.",
        "Vul de velden in en controleer met `make check`.",
        git_steps([path], "Ronde 3 toegevoegd"),
    )
    return f"""\
## {ROUND}

**Maak eerst de ronde, dan de sessies.** Een sessie noemt zijn ronde in het veld `ronde`. De
controle zoekt die ronde op. Bestaat de ronde niet, dan meldt de controle dat. Ligt de sessie
buiten de **Periode** van de ronde, dan meldt de controle dat ook. Een ronde zonder sessies mag
wel: die sessies voegt u later toe.

Verplicht zijn: {required(kind, vocabulary)}. Het aanmeldformulier staat op een van deze websites:
{hosts_text(hosts["aanmelden"])}.

**In de browser**

{browser}

**Met git**

{git}"""


def _file_task() -> str:
    folder = FILES_PATH
    example = "verslagen/ronde-2.pdf"
    browser = steps(
        "Open het item waar het bestand bij hoort, bijvoorbeeld een verslag.",
        f"Klik bij **Bestand** op de knop om een bestand te kiezen. U ziet de bestanden in `{folder}` en de "
        "mappen daarin. Kies een bestand, of upload een nieuw bestand.",
        SAVE,
    )
    git = steps(
        f"Zet het bestand in de map, bijvoorbeeld in `{folder}verslagen/`. Maak de map als die er nog niet is.",
        f"Schrijf het pad in het veld van het item: `bestand: {example}`.",
        "Controleer met `make check`. Bestaat het bestand niet, of is het geen toegestaan bestand? Dan zegt de "
        "controle dat.",
        "Leg allebei de bestanden vast en verstuur ze:"
        + commands(f"git add {folder}{example} content/verslagen/verslag-ronde-2.md",
                   'git commit -m "Pdf bij het verslag van ronde 2"', "git push"),
    )
    return f"""\
## {FILE}

Een pdf, werkblad, presentatie of afbeelding staat in de map `{folder}` of in een map daarin,
zoals `{folder}verslagen/`. Welke soorten bestanden mogen, staat bij {link(FILES)}. Gebruik in de
bestandsnaam kleine letters, cijfers en streepjes, zoals `ronde-2.pdf`.

**Welk pad u schrijft.** In een veld **Bestand** of **Afbeelding** schrijft u het pad vanaf de map
`{folder}`, zonder `{folder}` ervoor. Staat het bestand in `{folder}{example}`, dan schrijft u:

```yaml
bestand: {example}
```

In de tekst onder de velden linkt u naar `{FILES_URL}{example}`. Een afbeelding in de tekst
heeft altijd een beschrijving: `{IMAGE_EXAMPLE}`.

Op de echte site komt alleen een bestand waar een gepubliceerde pagina naar verwijst.

**In de browser**

{browser}

**Met git**

{git}"""


def _embargo_task() -> str:
    others = " en ".join(kind.plural.lower() for kind in TYPES if kind.embargo and kind.name != "bericht")
    label = BY_NAME["bericht"].schema.model_fields[BY_NAME["bericht"].embargo].title
    moment = dutch.moment(midnight(EMBARGO_DAY))
    news = BY_NAME["bericht"]
    path = new_file_path(news, NEWS_TITLE)
    browser = steps(
        open_new(news),
        f"Kies bij **{label}** de dag waarop het bericht online mag.",
        f"Zet **Publicatiestatus** op **Gepubliceerd**. {SAVE}",
        f"Verstuur uw werk (zie {link(GIT)}).",
    )
    git = steps(
        make_new(news, NEWS_TITLE) + ".",
        f"Schrijf de dag bij `{news.embargo}`, zoals `{news.embargo}: {EMBARGO_DAY.isoformat()}`, en zet "
        "`status: gepubliceerd`.",
        "Controleer met `make check`.",
        "Leg het vast en verstuur het:" + commands(f"git add {path}", 'git commit -m "Bericht over het verslag"',
                                                     "git push"),
    )
    return f"""\
## {EMBARGO}

Een bericht dat pas later online mag, krijgt een **{label}** in de toekomst. Dat werkt net zo
voor {others}.

**Wanneer het embargo eindigt.** Het item komt op de echte site om {dutch.clock(midnight(EMBARGO_DAY))} uur
(Nederlandse tijd) op de {label.lower()}. Dat gebeurt bij de eerste keer dat de site daarna opnieuw wordt gemaakt.
Dat is elk uur, dus meestal binnen een uur na middernacht. Met `{news.embargo}: {EMBARGO_DAY.isoformat()}`
komt het bericht online op {moment}. Een eigen tijd kiezen kan niet.

Tot dan ziet u het item alleen in de voorbeeldweergave. Bovenaan de pagina staat dan wanneer hij
op de echte site komt. In de lijsten heeft het item het label **Op de echte site vanaf** met de
datum en de tijd.

Let op:

- Zet de status op `gepubliceerd` en verstuur uw werk vóór die dag. Een concept komt nooit online.
- Link vóór die dag niet vanaf een andere pagina naar het item. Die link zou dan nergens heen
  gaan, en dan weigert de echte site de hele nieuwe versie.

**In de browser**

{browser}

**Met git**

{git}"""


def example_errors(vocabulary: dict, hosts: dict) -> list[ContentError]:
    """The problems of the example file with the planted mistakes, as the checks find them."""
    text = EXAMPLE_FILE
    for right, wrong in MISTAKES:
        text = text.replace(right, wrong)
    path = new_file_path(BY_NAME["sessie"], SESSION_TITLE)
    source, errors = frontmatter.read(path, text.encode())
    _, errors = validate(source, BY_NAME["sessie"].schema, {"vocabulary": vocabulary, "hosts": hosts})
    return errors


def example_report(vocabulary: dict, hosts: dict) -> str:
    """What `make check` says about the example file with the planted mistakes, word for word."""
    return check.report(ContentErrors(example_errors(vocabulary, hosts)))


def example_banner(vocabulary: dict, hosts: dict) -> str:
    """The preview's banner for the same mistakes, in the words the preview uses (build.problems)."""
    errors = example_errors(vocabulary, hosts)
    lines = [f"**{problems.heading(len(errors))}**", "", problems.SHOWS_LAST_GOOD, "",
             *(f"- {error}" for error in errors)]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _mistake_task(vocabulary: dict, hosts: dict) -> str:
    browser = steps(
        "Klik op **Opslaan**. Is een veld niet goed ingevuld? Dan staat onder dat veld wat er mis is. Er is dan "
        "nog niets opgeslagen. Verbeter het veld en klik opnieuw op **Opslaan**.",
        "Sommige regels gaan over twee velden samen, zoals: het einde ligt na het begin. Zo'n probleem ziet u "
        "na het opslaan, in de melding bovenaan de voorbeeldweergave. Open het item dat de melding noemt, "
        "verbeter het veld en sla opnieuw op.",
    )
    git = steps(
        "Typ `make check`. U krijgt alle problemen in één keer.",
        "Open het bestand dat de melding noemt. Ga naar de regel en verbeter het veld.",
        "Sla het bestand op en typ opnieuw `make check`. Herhaal dit tot er staat: `Alles in orde`.",
    )
    banner_steps = steps(
        "Verbeter elk probleem uit de lijst: in het beheer, of in het bestand met uw teksteditor.",
        "Sla op en laad de pagina opnieuw. Klopt alles? Dan is het vak weg en ziet u uw wijzigingen.",
        "Staat er dat de fout in de code of de vormgeving zit, niet in de inhoud? Dan kunt u het probleem "
        "niet zelf oplossen. Stuur de melding naar wie de site bouwt. U kunt gewoon verder werken.",
    )
    return f"""\
## {MISTAKE}

Elke melding noemt het **bestand**, de **regel** en het **veld**, en zegt wat er mis is en wat wel
mag. Alle problemen komen in één keer. Een voorbeeld:

```text
{example_report(vocabulary, hosts).strip()}
```

Zo leest u een melding:

- **Bestand**: het bestand met het probleem.
- **Regel**: de hoeveelste regel van het bestand. De eerste regel `---` is regel 1. De meeste
  teksteditors tonen de regelnummers aan de linkerkant.
- **Veld**: de naam vóór de dubbele punt, zoals `vorm`. Bij een lijst staat erbij om welk
  onderdeel het gaat, zoals `(agenda, onderdeel 2)`.
- Daarna staat wat er mis is. Staat er "Bedoelt u ...?", dan is dat waarschijnlijk de goede waarde.

De voorbeeldweergave (`make serve` of `make beheer`) toont dezelfde problemen bovenaan elke
pagina. Zolang er een probleem is, ziet u daar de laatste versie die wel klopte.

**In de browser**

{browser}

**Met git**

{git}

De meeste fouten gaan over de schrijfwijze. Kijk bij {link(RULES)}.

### {BANNER}

Heeft de inhoud een probleem? Dan staat bovenaan elke pagina van de voorbeeldweergave een vak met
een rode rand. Voor de fouten van het voorbeeld hierboven ziet het er zo uit:

{example_banner(vocabulary, hosts)}

Wat betekent dit?

- Uw laatste wijziging staat nog niet in de voorbeeldweergave. De pagina's tonen de laatste versie
  die wel klopte.
- Er is niets kapot en er is niets verloren. De echte site verandert niet: de melding staat alleen
  in de voorbeeldweergave op uw eigen computer.
- Elk punt in de lijst is één probleem, met het bestand, de regel en het veld. Daarna staat wat u
  moet doen.
- In het beheer ziet u na het opslaan dezelfde problemen, in een vak rechtsonder in het scherm.

Wat doet u?

{banner_steps}"""


def _git_task() -> str:
    return f"""\
## {GIT}

**Vastleggen** is uw wijziging bewaren in git, met uw naam en een korte beschrijving. **Versturen**
is uw vastgelegde werk naar de gedeelde plek sturen. Daarna maakt en controleert de site zich
vanzelf. Klopt alles, dan staat uw werk even later online. Klopt er iets niet, dan blijft de
vorige versie van de site staan.

**Na werken in de browser.** Het beheer legt elke keer opslaan al vast. U hoeft alleen te
versturen. Stop het beheer (Ctrl en C) en typ:

```sh
git push
```

**Na werken in de bestanden.** Typ deze opdrachten in de Terminal, in de map van de site:

```sh
git status
git add {new_file_path(BY_NAME["sessie"], SESSION_TITLE)}
git commit -m "Sessie 3 toegevoegd"
git push
```

- `git status` laat zien welke bestanden veranderd zijn.
- `git add` kiest de bestanden die u wilt vastleggen. Noem elk bestand, ook een nieuwe pdf.
- `git commit -m "..."` legt ze vast. Beschrijf tussen de aanhalingstekens kort wat u deed.
- `git push` verstuurt uw werk.

**Weigert `git push`?** Staat er `rejected` of `fetch first`? Dan heeft iemand anders intussen iets
verstuurd. Haal dat eerst op en verstuur dan opnieuw:

```sh
git pull --rebase
git push
```

Meldt git bij `git pull --rebase` een conflict (`CONFLICT`)? Typ dan `git rebase --abort`. Uw werk
blijft dan bewaard zoals het was. Vraag daarna een ontwikkelaar om hulp. Dat doet u ook als git
zegt dat u geen toegang heeft."""


# The reference --------------------------------------------------------------------------------

def _example_file() -> str:
    return f"""\
## {EXAMPLE}

Een sessie als bestand. Bovenaan de velden tussen twee regels `---`, daaronder de tekst:

```yaml
{EXAMPLE_FILE.rstrip()}
```"""


def _writing_rules() -> str:
    rules = "\n".join(f"- {explanation} Fout: `{wrong}`. Goed: `{right}`."
                      for explanation, wrong, right, _ in YAML_RULES)
    return f"""\
## {RULES}

{rules}
- Schrijf ja of nee als `ja` of `nee`.
- Een lijst: elk onderdeel op een eigen regel, met twee spaties en een streepje ervoor.
- Een lijst van groepen, zoals `agenda`: een streepje voor het eerste veld van elk onderdeel. De
  andere velden van dat onderdeel staan recht eronder.
- Een groep, zoals `locatie`: de velden eronder, twee spaties ingesprongen. Spring altijd in met
  spaties, niet met de Tab-toets.
- Een lange tekst over meer regels: zet `>-` achter de dubbele punt. Zet de tekst op de regels
  eronder, twee spaties ingesprongen. Wilt u alinea's of een lijstje, in een veld waar Markdown
  mag? Gebruik dan `|` in plaats van `>-`.

In de tekst onder de velden:

- Een kop begint met `##`. De titel is de enige grote kop.
- Link binnen de site met het webadres, zoals `/sessies/sessie-3/`. Link naar een andere website
  alleen met `https://`, en alleen naar een website uit {link(WEBSITES)}.
- HTML mag niet. Een afbeelding heeft altijd een beschrijving: `{IMAGE_EXAMPLE}`."""


def _reference(vocabulary: dict) -> str:
    common = set(Schema.model_fields)
    parts = [f"## {REFERENCE}",
             "Per soort de map, het webadres en de velden. Bij elk veld staan de naam in het bestand, de "
             "naam op de site en in het beheer, wat erin mag en uitleg. Velden met *(verplicht)* moet u "
             "invullen.",
             "### Velden van elke soort",
             "\n".join(_fields(specs(Schema, vocabulary)))]
    for kind in TYPES:
        parts += [f"### {kind.label}",
                  f"Map `content/{kind.folder}/`, webadres `{kind.url_for('korte-naam')}`. "
                  f"Nieuw: `make nieuw TYPE={kind.name} TITEL=\"...\"`.",
                  "\n".join(_fields([spec for spec in specs(kind.schema, vocabulary) if spec.name not in common]))]
    return "\n\n".join(parts)


def _fields(fields: list[FieldSpec], indent: str = "") -> list[str]:
    lines = []
    for spec in fields:
        needed = " *(verplicht)*" if spec.required else ""
        lines.append(f"{indent}- `{spec.name}`: **{spec.label}**{needed}. {_form(spec)}. {spec.help}")
        lines += _fields(spec.children, indent + "  ")
    return lines


def _form(spec: FieldSpec) -> str:
    """What a field holds, in words; vocabularies and websites refer to their own section."""
    if spec.kind == "woordenlijst":
        text = f"een waarde uit {link(vocabulary_heading(spec.vocabulary))}"
    elif spec.kind == "url":
        text = f"webadres met `https://` op een website uit {link(WEBSITES)}"
    elif spec.kind == "groep":
        text = "groep velden, twee spaties ingesprongen eronder"
    else:
        text = KINDS[spec.kind][0].format(target=spec.target)
    if spec.many:
        return f"Lijst, elk onderdeel: {text}"
    return text[0].upper() + text[1:]


def vocabulary_heading(name: str) -> str:
    return f"Woordenlijst {name}"


def _vocabularies(vocabulary: dict) -> str:
    parts = [f"## {VOCABULARIES}",
             "Schrijf in het bestand de waarde links. De site toont de naam rechts. In het beheer kiest u "
             "uit een lijst. Mist u een waarde, zoals een nieuw thema? Vraag dan een ontwikkelaar om hem "
             "toe te voegen."]
    for name, terms in vocabulary.items():
        parts.append(f"### {vocabulary_heading(name)}")
        parts.append("\n".join(f"- `{key}`: {label}" for key, label in terms.items()))
    return "\n\n".join(parts)


def _websites(hosts: dict) -> str:
    return f"""\
## {WEBSITES}

Een link naar een andere website begint altijd met `https://`. Alleen deze websites mogen:

- Aanmeldformulieren en wachtlijsten: {hosts_text(hosts["aanmelden"])}.
- Alle andere links, in de velden en in de tekst: {hosts_text(hosts["links"])}.

Wilt u naar een andere website linken? Vraag dan een ontwikkelaar om hem toe te voegen."""


def _files() -> str:
    kinds = "\n".join(f"- `.{extension}`: {kind.label}" for extension, kind in UPLOADS.items())
    return f"""\
## {FILES}

Deze soorten bestanden mogen in `{FILES_PATH}`. Een bestand is hoogstens {MAX_MB} MB. De
controle kijkt ook of een bestand echt is wat de naam zegt: een pdf moet een echte pdf zijn.

{kinds}"""
