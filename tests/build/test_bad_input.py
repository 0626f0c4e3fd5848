"""Every kind of bad input stops `make html` with a Dutch message and leaves the old site intact.

Each case breaks one thing in a copy of the fixture site, runs the real build task over an
output folder that holds a good build, and checks the exit code, the message (file, line,
field, what is allowed) and that not one byte of the previous output changed. `make check` on
the same content must give exactly the same messages: what it accepts, the build builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.support import (FIXTURE_CONTENT, REGISTRATION_OPEN, SESSION, SITE_URL, body, build, copy_fixture_content,
                           replace, snapshot, write)
from werkplaatsen.build import check as check_module
from werkplaatsen.outputs import feeds
from werkplaatsen.system.places import ROOT

FULL = "sessies/vol.md"


def large(file: str, megabytes: int):
    """A PDF of this size, written as a sparse file: no test writes that many bytes."""
    def change(content):
        path = content / file
        path.write_bytes(b"%PDF-1.7\n")
        os.truncate(path, megabytes * 1_000_000 + 1)
    return change


def symlink(file: str, target):
    def change(content):
        (content / file).symlink_to(target(content) if callable(target) else target)
    return change


def remove(file: str):
    def change(content):
        (content / file).unlink()
    return change


def both(*changes):
    def change(content):
        for one in changes:
            one(content)
    return change


# (case id, change, expected "file, regel N[, veld ...]" prefix, words of the explanation)
CASES = [
    ("missing-required", replace("samenvatting: Samenvatting van gewoon.\n", ""),
     'sessies/gewoon.md, regel 1, veld "samenvatting"', "ontbreekt"),
    ("unknown-field", replace("samenvatting:", "samenvating:"),
     'sessies/gewoon.md, regel 13, veld "samenvating"', 'Bedoelt u "samenvatting"?'),
    ("wrong-type-list", replace("instrumenten:\n  - wijkschouw", "instrumenten: wijkschouw"),
     'sessies/gewoon.md, regel 20, veld "instrumenten"', "hier hoort een lijst"),
    ("impossible-date", replace("start: 2030-10-08 13:30", "start: 2030-02-30 13:30"),
     'sessies/gewoon.md, regel 5, veld "start"', "bestaat niet als datum"),
    ("non-iso-date", replace("start: 2030-10-08 13:30", "start: 8 oktober 2030 13:30"),
     'sessies/gewoon.md, regel 5, veld "start"', "Schrijf een datum met tijd als 2019-10-08 13:30"),
    ("ambiguous-date", replace("start: 2030-10-08 13:30", "start: 08-10-2030 13:30"),
     'sessies/gewoon.md, regel 5, veld "start"', "2019-10-08 13:30"),
    ("end-before-start", replace("eind: 2030-10-08 17:00", "eind: 2030-10-08 12:00"),
     'sessies/gewoon.md, regel 6, veld "eind"', "het einde ligt niet na het begin"),
    ("vocabulary", replace("vorm: fysiek", "vorm: fysik"),
     'sessies/gewoon.md, regel 7, veld "vorm"', 'Bedoelt u "fysiek"? Toegestaan: fysiek, hybride, online'),
    ("same-lesson-title", replace("  - titel: Begin klein", "  - titel: Loop samen door de wijk!", "verslagen/verslag-sessie-1.md"),
     'verslagen/verslag-sessie-1.md, regel 15, veld "lessen"', 'twee lessen heten "Loop samen door de wijk!"'),
    ("bad-time", replace("  - tijd: 13:30", "  - tijd: 25:00"),
     'sessies/gewoon.md, regel 15, veld "tijd" (agenda, onderdeel 1)', "bestaat niet als tijd"),
    ("bad-boolean", replace("nummer: 1", "nummer: 1\nvoorbeeld: misschien"),
     'sessies/gewoon.md, regel 5, veld "voorbeeld"', "Schrijf ja of nee"),
    ("location-required", replace("vorm: fysiek\nlocatie:\n  naam: Stadhuis\n  adres: Plein 1\n  postcode: 1234 AB\n  plaats: Utrecht\n", "vorm: fysiek\n"),
     'sessies/gewoon.md, regel 1, veld "locatie"', "hoort een locatie"),
    ("unknown-slug", replace("  - plein", "  - pleintje"),
     'sessies/gewoon.md, regel 23, veld "casussen"', 'Bedoelt u "plein"?'),
    ("duplicate-key", replace("vorm: fysiek", "vorm: fysiek\nvorm: online"),
     'sessies/gewoon.md, regel 8, veld "vorm"', "twee keer"),
    ("duplicate-url", write("sessies/extra/gewoon.md", (FIXTURE_CONTENT / SESSION).read_text()),
     "sessies/gewoon.md, regel 1", "hetzelfde adres /sessies/gewoon/ als content/sessies/extra/gewoon.md"),
    ("page-takes-site-url", write("paginas/lessen.md", "---\ntitel: Lessen\nstatus: gepubliceerd\n---\n"),
     "paginas/lessen.md, regel 1", "hetzelfde adres /lessen/"),
    ("page-takes-the-editor", write("paginas/beheer.md", "---\ntitel: Beheer\nstatus: gepubliceerd\n---\n"),
     "paginas/beheer.md, regel 1", "hetzelfde adres /beheer/ als het beheer"),
    ("missing-download", replace("bestand: werkblad.pdf", "bestand: werkbladen.pdf"),
     'sessies/gewoon.md, regel 28, veld "bestand" (materialen, onderdeel 1)',
     'het bestand "werkbladen.pdf" bestaat niet. Zet het in content/bestanden/ en schrijf het pad vanaf die map, '
     "zoals verslagen/ronde-2.pdf."),
    ("missing-image", body("![Het plein](/bestanden/plein.jpg)"),
     "sessies/gewoon.md, regel 35", 'de afbeelding "/bestanden/plein.jpg" bestaat niet'),
    ("image-without-alt", body("![](/bestanden/werkblad.pdf)"),
     "sessies/gewoon.md, regel 35", "heeft geen alt-tekst"),
    ("image-from-elsewhere", body("![Foto](https://example.org/foto.jpg)"),
     "sessies/gewoon.md, regel 35", "staat op een andere website"),
    ("broken-internal-link", body("Zie [de sessie](/sessies/bestaat-niet/)."),
     "sessies/gewoon.md, regel 35", "wijst naar een pagina die niet bestaat"),
    ("broken-anchor", body("Zie [de les](/verslagen/verslag-sessie-1/#les-9)."),
     "sessies/gewoon.md, regel 35", "wijst naar een kop of les die op /verslagen/verslag-sessie-1/ niet bestaat"),
    ("relative-link", body("Zie [de sessie](sessies/vol/)."),
     "sessies/gewoon.md, regel 35", "is onvolledig"),
    ("javascript-link", body("[klik](javascript:alert(1))"),
     "sessies/gewoon.md, regel 35", "(javascript:)"),
    ("data-link", body("[klik](data:text/html;base64,PHNjcmlwdD4=)"),
     "sessies/gewoon.md, regel 35", "(data:)"),
    ("http-link", body("[LPB](http://www.lpb.nl/)"),
     "sessies/gewoon.md, regel 35", "Gebruik https://"),
    ("unlisted-host", body("[elders](https://example.org/)"),
     "sessies/gewoon.md, regel 35", "niet op de lijst van toegestane websites"),
    ("raw-html", body("<script>alert(1)</script>"),
     "sessies/gewoon.md, regel 35", "HTML is niet toegestaan"),
    ("inline-html-attribute", body('Tekst <span onclick="alert(1)">hier</span>.'),
     "sessies/gewoon.md, regel 35", "HTML is niet toegestaan"),
    ("level-one-heading", body("# Een tweede titel"),
     "sessies/gewoon.md, regel 35", "begin koppen met ##"),
    ("markdown-field-link", replace("voorbereiding: Neem uw casus mee.", "voorbereiding: Lees [dit](/nergens/)."),
     'sessies/gewoon.md, regel 29, veld "voorbereiding"', "wijst naar een pagina die niet bestaat"),
    ("registration-not-https", replace("url: https://www.lpbagenda.nl/sessie", "url: http://www.lpbagenda.nl/sessie", FULL),
     'sessies/vol.md, regel 15, veld "url" (aanmelding)', "Gebruik https://"),
    ("registration-host", replace("url: https://www.lpbagenda.nl/sessie", "url: https://aanmelden.example.org/sessie", FULL),
     'sessies/vol.md, regel 15, veld "url" (aanmelding)', "niet op de lijst van toegestane websites (www.lpbagenda.nl)"),
    ("invalid-yaml", replace("titel: Sessie gewoon", "titel: [Sessie gewoon"),
     "sessies/gewoon.md, regel 3", "geen geldige YAML"),
    ("empty-file", write("sessies/leeg.md", ""), "sessies/leeg.md, regel 1", "het bestand is leeg"),
    ("no-front-matter", write("sessies/los.md", "Alleen tekst.\n"), "sessies/los.md, regel 1", "begint niet met velden"),
    ("wrong-encoding", write("sessies/latin.md", "---\ntitel: Caf\xe9\n---\n".encode("latin-1")),
     "sessies/latin.md, regel 2", "niet opgeslagen als UTF-8"),
    ("not-a-content-type", write("nieuws/bericht.md", "---\ntitel: Nieuws\n---\n"),
     "nieuws/bericht.md: dit bestand staat niet in een map voor inhoud.",
     "Zet een .md-bestand in een van deze mappen: content/berichten/, content/casussen/, content/instrumenten/, "
     "content/paginas/, content/partners/, content/personen/, content/rondes/, content/sessies/, content/verslagen/; "
     "bestanden om te downloaden horen in content/bestanden/."),
    ("bad-file-name", write("sessies/Sessie 7.md", (FIXTURE_CONTENT / SESSION).read_text()),
     "sessies/Sessie 7.md, regel 1:", 'de bestandsnaam "Sessie 7" wordt het webadres en mag alleen kleine letters, '
     "cijfers en streepjes hebben, zoals sessie-2-wonen.md."),
    ("bad-file-name-and-missing-field",
     write("sessies/Sessie 7.md", (FIXTURE_CONTENT / SESSION).read_text().replace("samenvatting: Samenvatting van gewoon.\n", "")),
     "sessies/Sessie 7.md, regel 1:", 'de bestandsnaam "Sessie 7" wordt het webadres'),
    ("other-file-in-a-content-folder", write("sessies/foto.jpg", b"\xff\xd8\xff\xe0"),
     "sessies/foto.jpg: dit bestand staat niet in een map voor inhoud.", "bestanden om te downloaden horen in content/bestanden/"),
    # Hostile input: each must be refused by name, in Dutch, without a traceback.
    ("alias-bomb", replace("titel: Sessie gewoon", "titel: &a Sessie gewoon\nx: [*a, *a, *a]"),
     "sessies/gewoon.md, regel 2", "ankers en verwijzingen"),
    ("nul-byte", replace("Tekst van gewoon.", "Tekst\x00van gewoon."), "sessies/gewoon.md, regel 33", "U+0000"),
    ("deep-nesting", replace("titel: Sessie gewoon", "titel: Sessie gewoon\nx: " + "[" * 5000 + "]" * 5000),
     "sessies/gewoon.md, regel 3", "te diep genest"),
    ("symlinked-file", symlink("sessies/link.md", "/etc/passwd"), "sessies/link.md:",
     "dit bestand is een snelkoppeling (symlink). Dat mag niet: zet het bestand zelf hier."),
    ("symlinked-folder", symlink("sessies/map", "/etc"), "sessies/map:",
     "deze map is een snelkoppeling (symlink). Dat mag niet: zet de bestanden zelf hier."),
    ("symlinked-download", symlink("bestanden/geheim.pdf", "/etc/passwd"), "bestanden/geheim.pdf",
     "snelkoppeling (symlink)"),
    ("too-large-download", large("bestanden/werkblad.pdf", 50), "bestanden/werkblad.pdf",
     "dit bestand is 51 MB; een download mag hoogstens 50 MB zijn"),
    ("html-download", write("bestanden/pagina.html", "<script>alert(1)</script>"), "bestanden/pagina.html",
     "dit soort bestand mag niet op de site. Toegestaan: csv, docx"),
    ("svg-download", write("bestanden/logo.svg", "<svg onload=alert(1)/>"), "bestanden/logo.svg",
     "dit soort bestand mag niet"),
    ("fake-pdf", write("bestanden/nep.pdf", "<html><script>alert(1)</script>"), "bestanden/nep.pdf",
     "dit bestand heet .pdf, maar is geen pdf-document"),
    ("fake-image", write("bestanden/foto.png", "<svg/>"), "bestanden/foto.png", "maar is geen png-afbeelding"),
    # In Markdown, \@ is an escaped @: the browser would get a user name before the host.
    ("escaped-at-link", body("[x](https://evil.example\\@www.platform31.nl/)"),
     "sessies/gewoon.md, regel 35", "bevat een gebruikersnaam of wachtwoord"),
    ("backslash-link", body("[x](https://evil.example\\a.www.platform31.nl/)"),
     "sessies/gewoon.md, regel 35", "bevat een backslash"),
    ("user-in-link", body("[x](https://evil.example@www.platform31.nl/)"),
     "sessies/gewoon.md, regel 35", "bevat een gebruikersnaam of wachtwoord"),
    ("protocol-relative-link", body("[x](//evil.example/)"),
     "sessies/gewoon.md, regel 35", "gaat naar evil.example"),
    ("backslash-registration", replace("url: https://www.lpbagenda.nl/sessie", 'url: "https://evil.example\\\\@www.lpbagenda.nl/x"', FULL),
     'sessies/vol.md, regel 15, veld "url" (aanmelding)', "bevat een backslash"),
    ("waiting-list-host", replace("wachtlijst: https://www.lpbagenda.nl/wachtlijst", "wachtlijst: https://evil.example/w", FULL),
     'sessies/vol.md, regel 19, veld "wachtlijst" (aanmelding)', "gaat naar evil.example"),
    ("material-host", replace("    bestand: werkblad.pdf", "    url: https://evil.example/werkblad.pdf"),
     'sessies/gewoon.md, regel 28, veld "url" (materialen, onderdeel 1)', "gaat naar evil.example"),
    ("partner-website-host", replace("samenvatting: Kennis", "website: https://evil.example/\nsamenvatting: Kennis", "partners/platform31.md"),
     'partners/platform31.md, regel 3, veld "website"', "gaat naar evil.example"),
    ("second-slug-in-a-list", replace("  - wijkschouw", "  - wijkschouw\n  - bestaat-niet"),
     'sessies/gewoon.md, regel 22, veld "instrumenten" (onderdeel 2)', 'er is geen instrument met de korte naam "bestaat-niet"'),
    ("same-page-anchor", body("Zie [hieronder](#bestaat-niet)."),
     "sessies/gewoon.md, regel 35", "wijst naar een plek die niet op deze pagina staat"),
    ("empty-status", replace("status: gepubliceerd", "status:"),
     'sessies/gewoon.md, regel 31, veld "status"', 'het verplichte veld "status" (Publicatiestatus) ontbreekt'),
    ("reference-and-field-error-together", both(replace("vorm: fysiek", "vorm: fysik"), replace("  - plein", "  - pleintje")),
     'sessies/gewoon.md, regel 23, veld "casussen" (onderdeel 1)', 'Bedoelt u "plein"?'),
    ("image-that-is-no-image", body("![Werkblad](/bestanden/werkblad.pdf)"),
     "sessies/gewoon.md, regel 35", "is geen afbeelding"),
    # A file with an error of its own still has its references checked: one run shows everything.
    ("single-reference-and-field-error-together", both(replace("vorm: fysiek", "vorm: fysik"), replace("ronde: ronde-9", "ronde: ronde-99")),
     'sessies/gewoon.md, regel 3, veld "ronde":', 'er is geen ronde met de korte naam "ronde-99": het bestand content/rondes/ronde-99.md bestaat niet.'),
    ("references-in-two-files-with-errors", both(replace("vorm: fysiek", "vorm: fysik"), replace("  - plein", "  - pleintje"),
                                                 replace("vorm: fysiek", "vorm: fysik", FULL), replace("ronde: ronde-9", "ronde: ronde-99", FULL)),
     'sessies/gewoon.md, regel 23, veld "casussen" (onderdeel 1)', 'Bedoelt u "plein"?'),
    # Decoded values: a one-line field holds no line break and no control character, however written.
    ("line-break-in-a-title", replace("titel: Sessie gewoon", "titel: |-\n  Sessie\n  gewoon"),
     'sessies/gewoon.md, regel 2, veld "titel"', 'een regeleinde (U+000A) na "Sessie". Zet de tekst op één regel'),
    ("escaped-control-in-a-summary", replace("samenvatting: Samenvatting van gewoon.",
                                             'samenvatting: "Samenvatting\\x0bvan gewoon."'),
     'sessies/gewoon.md, regel 13, veld "samenvatting"', "een regeleinde (U+000B)"),
    ("escaped-line-separator-in-a-round-title", replace("titel: Ronde negen", 'titel: "Ronde\\Lnegen"', "rondes/ronde-9.md"),
     'rondes/ronde-9.md, regel 2, veld "titel"', "een regeleinde (U+2028)"),
    ("escaped-bidi-override-in-a-title", replace("titel: Sessie gewoon", 'titel: "Sessie \\u202Egewoon"'),
     'sessies/gewoon.md, regel 2, veld "titel"', "(U+202E) na \"Sessie\" dat de leesrichting van de tekst verandert"),
    ("bidi-override-in-the-text", body("Een \u202eomgekeerde tekst."),
     "sessies/gewoon.md, regel 35", "(U+202E) dat de leesrichting van de tekst verandert"),
    ("session-outside-its-round", both(replace("start: 2030-10-08 13:30", "start: 2031-01-14 13:30"),
                                       replace("eind: 2030-10-08 17:00", "eind: 2031-01-14 17:00")),
     'sessies/gewoon.md, regel 5, veld "start"', 'de sessie (dinsdag 14 januari 2031, 13.30–17.00 uur) valt buiten de '
     'periode van de ronde "ronde-9": 1 september – 15 december 2030 (content/rondes/ronde-9.md, regel 4, veld '
     '"periode")'),
    # Only the check of the rendered pages finds these: make check renders them too.
    ("menu-link-to-a-missing-page", remove("paginas/over.md"), "pelicanconf.py (MENU, FOOTER_LINKS)",
     "de link /over/ (op "),
    ("nested-reference-and-field-error-together", both(replace("vorm: fysiek", "vorm: fysik"), replace("spreker: anna-de-vries", "spreker: anna-de-vriez")),
     'sessies/gewoon.md, regel 17, veld "spreker" (agenda, onderdeel 1)', 'er is geen persoon met de korte naam "anna-de-vriez"'),
]


def run_build(content, output):
    command = [sys.executable, "-m", "invoke", "html", "--content", str(content), "--output", str(output)]
    env = {"WERKPLAATSEN_NU": REGISTRATION_OPEN, "PATH": "/usr/bin:/bin"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def good_output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good")
    result = run_build(copy_fixture_content(folder), folder / "output")
    assert result.returncode == 0, result.stderr
    return folder / "output"


def problems(printed: str) -> list[str]:
    return [line for line in printed.splitlines() if line.startswith("- ")]


@pytest.fixture
def check(monkeypatch, capsys, pelican_logging):
    """`make check` (python -m werkplaatsen.build.check) in this process, as run_build's build sees the content:
    its exit code and its problems."""
    def run(content, settings: str = "pelicanconf.py", **environment):
        monkeypatch.chdir(ROOT)
        for name, value in {"WERKPLAATSEN_NU": REGISTRATION_OPEN, "WERKPLAATSEN_PROCESSEN": "1", **environment}.items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = check_module.main([settings, str(content)])
        printed = capsys.readouterr()
        assert "Traceback" not in printed.err
        return code, problems(printed.err)
    return run


@pytest.mark.parametrize(("change", "where", "words"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_input_stops_the_build_and_keeps_the_last_good_site(tmp_path, good_output, check, change, where, words):
    content = copy_fixture_content(tmp_path, change)
    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    before = snapshot(output)

    result = run_build(content, output)

    assert result.returncode == 1, result.stdout + result.stderr
    lines = problems(result.stderr)
    prefix = where if where.startswith("pelicanconf.py") else f"content/{where}"
    assert any(line.startswith(f"- {prefix}") and words in line for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(output) == before
    assert not output.with_name("output.new").exists()
    assert check(content) == (1, lines), "make check and the build disagree"


def test_make_check_accepts_what_the_build_builds(good_output, check):
    assert check(FIXTURE_CONTENT) == (0, [])


def test_a_fault_while_rendering_fails_make_check_as_it_fails_the_build(monkeypatch, capsys, pelican_logging):
    """make check renders every calendar and feed as the build does: a crash there is no "Alles in orde"."""
    def broken(*arguments):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(feeds, "entry_id", broken)  # every feed entry asks for its id
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("WERKPLAATSEN_PROCESSEN", "1")
    assert check_module.main(["pelicanconf.py", str(FIXTURE_CONTENT)]) == 1
    printed = capsys.readouterr()
    assert printed.out == "" and "ValueError: All strings must be XML compatible" in printed.err
    assert printed.err.endswith("De controle is mislukt door een fout in de code of de vormgeving (zie hierboven), "
                                "niet door de inhoud. Er is niets veranderd.\n")


def test_a_production_check_refuses_what_the_production_build_refuses(tmp_path, check):
    """The build's own checks of the settings are make check's too (here: the site's address)."""
    settings = {"WERKPLAATSEN_SITEURL": "http://werkplaatsen.example", "WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"}
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py", extra_env=settings)
    assert result.returncode == 1 and problems(result.stderr) == [
        '- publishconf.py, veld "SITEURL": het adres van de site ("http://werkplaatsen.example") is geen https-adres. '
        "Zet WERKPLAATSEN_SITEURL op het adres van de site, zoals https://www.werkplaatsenwijkgerichtwerken.nl."]
    assert check(FIXTURE_CONTENT, "publishconf.py", **settings) == (1, problems(result.stderr))
    assert check(FIXTURE_CONTENT, "publishconf.py", **{**settings, "WERKPLAATSEN_SITEURL": SITE_URL}) == (0, [])


def build_changed(tmp_path, *changes):
    """Build a copy of the fixture content with `changes` made to it."""
    return run_build(copy_fixture_content(tmp_path, *changes), tmp_path / "output")


def test_all_problems_in_all_files_are_reported_in_one_run(tmp_path, good_output):
    result = build_changed(tmp_path, replace("vorm: fysiek", "vorm: fysik"),
                           replace("url: https://www.lpbagenda.nl/sessie", "url: http://www.lpbagenda.nl/sessie", FULL),
                           body("[x](/nergens/)"))
    assert result.returncode == 1
    assert "De inhoud heeft 3 problemen" in result.stderr


def test_rules_over_several_fields_come_in_the_same_run_as_each_other_and_the_field_problems(tmp_path, good_output,
                                                                                           check):
    """End before start, a hybrid session without a location, and a summary that is no text: one run."""
    result = build_changed(tmp_path, replace("eind: 2030-10-08 17:00", "eind: 2030-10-08 12:00"),
                           replace("vorm: fysiek\nlocatie:\n  naam: Stadhuis\n  adres: Plein 1\n  postcode: 1234 AB\n"
                                   "  plaats: Utrecht\n", "vorm: hybride\n"),
                           replace("samenvatting: Samenvatting van gewoon.", "samenvatting: [a, b]"))
    assert result.returncode == 1
    assert problems(result.stderr) == [
        '- content/sessies/gewoon.md, regel 1, veld "locatie": bij vorm hybride hoort een locatie.',
        '- content/sessies/gewoon.md, regel 6, veld "eind": het einde ligt niet na het begin. Zet bij eind een moment dat later is dan de start.',
        '- content/sessies/gewoon.md, regel 8, veld "samenvatting": hier hoort één tekst, geen lijst of groep velden.',
    ]
    assert check(tmp_path / "content") == (1, problems(result.stderr))


def test_a_refused_download_is_reported_once_not_also_as_missing(tmp_path, good_output):
    """The session that offers it is not blamed for a file that exists but has an error of its own."""
    result = build_changed(tmp_path, write("bestanden/werkblad.pdf", "<html><script>alert(1)</script>"))
    assert result.returncode == 1
    assert "De inhoud heeft 1 probleem" in result.stderr, result.stderr
    assert "- content/bestanden/werkblad.pdf: dit bestand heet .pdf, maar is geen pdf-document" in result.stderr


def test_a_link_to_a_file_with_errors_is_not_reported_again(tmp_path, good_output):
    """The file's own errors are the problem; the pages that link to it are fine once it is fixed."""
    link = "\nZie [gewoon](/sessies/gewoon/).\n"
    result = build_changed(tmp_path, replace("vorm: fysiek", "vorm: fysik"),
                           lambda content: write(FULL, (content / FULL).read_text(encoding="utf-8") + link)(content))
    assert result.returncode == 1
    assert "De inhoud heeft 1 probleem" in result.stderr, result.stderr
    assert '- content/sessies/gewoon.md, regel 7, veld "vorm"' in result.stderr


def test_hidden_files_and_folders_of_editing_tools_are_left_alone(tmp_path, good_output):
    """.DS_Store, .obsidian/ and the like are no content: no error, and the files next to them still count."""
    result = build_changed(tmp_path, write("sessies/.DS_Store", b"\x00\x00\x00\x01Bud1"),
                           write(".obsidian/workspace.json", "{}"), write("casussen/.concepten/oud.json", "{}"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "sessies" / "gewoon" / "index.html").is_file()
