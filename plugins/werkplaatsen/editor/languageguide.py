"""The editor guide's section on plain-language advice (`make taal` and the preview's panel).

Each kind of finding is explained in B1 with an example and a better version. A test runs the
check over both: the example gets its finding, the better version none.
"""

from __future__ import annotations

from ..plainlanguage import MAX_SENTENCE_WORDS, Kind

HEADING = "Taaladvies: schrijven in eenvoudig Nederlands (B1)"

# Per kind: (what it means and what to do, an example the check reports, a better version).
EXAMPLES = {
    Kind.LONG_SENTENCE: (
        f"Een zin van meer dan {MAX_SENTENCE_WORDS} woorden. Lezers moeten dan veel onthouden voordat ze "
        "weten wat er staat. Maak er twee of drie zinnen van. Of laat weg wat de lezer niet hoeft te weten.",
        "In de derde sessie gaan de deelnemers met hun trio en een paar bewoners de wijk in om samen te kijken "
        "waar het plein onder water loopt en wat daaraan te doen is.",
        "In de derde sessie gaan de trio's de wijk in, samen met een paar bewoners. Ze kijken waar het plein "
        "onder water loopt. En wat ze daaraan kunnen doen."),
    Kind.PASSIVE: (
        "Een zin met 'worden' en een vorm als 'besproken' of 'gemaakt' (de lijdende vorm). De lezer ziet dan "
        "niet wie iets doet. Zeg wie het doet.",
        "Het plan wordt besproken in de werkgroep.",
        "De werkgroep bespreekt het plan."),
    Kind.OFFICIALESE: (
        "Een woord dat vooral in brieven van de overheid staat. Er is bijna altijd een gewoon woord voor. "
        "Het advies noemt dat woord.",
        "U meldt zich aan middels het formulier.",
        "U meldt zich aan met het formulier."),
    Kind.RARE_WORD: (
        "Een woord dat weinig mensen kennen. Kies een bekender woord, of zeg in een paar woorden wat het is. "
        "Hoort het woord bij het programma en kennen de lezers het? Zet het dan op de lijst met vaste woorden "
        "(zie hieronder).",
        "De aanpak was heel omnivoor.",
        "De aanpak paste bij veel soorten vragen."),
    Kind.LONG_WORD: (
        "Een woord van meer dan vier lettergrepen. Lange woorden lezen langzaam, vooral als ze aan elkaar "
        "geschreven zijn. Kies een korter woord, of schrijf het in een paar losse woorden.",
        "De bewonersparticipatiebijeenkomst begint om acht uur.",
        "De avond met bewoners begint om acht uur."),
    Kind.FAMILIAR: (
        "De tekst spreekt de lezer aan met je, jij, jouw of jullie. Deze site spreekt de lezer aan met u en uw. "
        "Dat past bij bewoners en collega's die u niet persoonlijk kent. Staat het woord tussen "
        "aanhalingstekens, omdat iemand het zo zei? Dan ziet de check het niet als fout.",
        "Neem je trio mee naar de sessie.",
        "Neem uw trio mee naar de sessie."),
}


def language_section() -> str:
    kinds = "\n\n".join(f"### {kind.label.capitalize()}\n\n{what}\n\n"
                        f"- Zo niet: {example}\n- Beter: {better}"
                        for kind, (what, example, better) in EXAMPLES.items())
    return f"""\
## {HEADING}

De site is voor wijkambtenaren, hun collega's en bewoners. Schrijf daarom in eenvoudig Nederlands:
korte zinnen, gewone woorden, en zeg wie iets doet. De taalcheck helpt daarbij. Het is advies:
de site wordt er nooit door tegengehouden.

- In de voorbeeldweergave (`make serve` of `make beheer`) staat boven elke pagina van een
  onderdeel een kader Taaladvies. Klik erop: u ziet elke opmerking, met het woord of de zin
  gemarkeerd. Na het opslaan kijkt de check opnieuw.
- `make taal` geeft de opmerkingen over alle teksten, de teksten met de meeste opmerkingen eerst.
  Onderaan staat een samenvatting voor de hele site. `make taal BESTAND=content/sessies/naam.md`
  kijkt alleen naar één bestand.
- De check leest de titel, de samenvatting, de lessen, de andere tekstvelden en de tekst onder de
  velden. Namen van mensen, organisaties, plaatsen, instrumenten en de woorden uit de vaste lijsten
  (thema's, domeinen) ziet hij nooit als moeilijk woord.
- Noemt de check een woord dat de lezers van deze site goed kennen? Dan kan het op de lijst met
  vaste woorden (`accepted_terms.yaml`). Vraag dat aan de beheerder van de site. Er is ook een lijst
  met ambtelijke woorden, met voor elk een gewoner woord (`officialese.yaml`).
- De samenvatting noemt ook de Flesch-Douma-score: hoe makkelijk een tekst leest. Hoger is
  makkelijker; 60 tot 70 past bij de meeste lezers. De score is lager als zinnen en woorden lang zijn.

{kinds}"""
