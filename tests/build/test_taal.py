"""`make taal`: the plain-language report of the site's texts, run as editors run it (the real make)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import FIXTURE_CONTENT, TAAL_ITEM, copy_fixture_content, write
from werkplaatsen.system.places import ROOT


def make_taal(*settings: str) -> subprocess.CompletedProcess:
    """make itself exits 2 whenever the command fails; its last line names the command's own exit code."""
    return subprocess.run(["make", "--no-print-directory", "taal", *settings], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """The fixture content with the news item above."""
    return copy_fixture_content(tmp_path_factory.mktemp("taal"), write("berichten/taal.md", TAAL_ITEM))


def test_the_fixture_site_gets_its_findings_and_a_summary():
    result = make_taal(f"CONTENT={FIXTURE_CONTENT.relative_to(ROOT)}")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    findings = [line for line in lines if line.startswith("- ")]
    assert findings == ['- regel 2, veld "titel": lang woord "toegankelijkheid"',
                        '- regel 3, veld "samenvatting": lang woord "toegankelijkheid"',
                        '- regel 3, veld "samenvatting": lang woord "netwerkorganisatie"']
    files = [line.split(":")[0] for line in lines if line.startswith("content/")]
    assert files == ["content/paginas/toegankelijkheid.md", "content/partners/platform31.md"]  # the most findings first
    assert lines[-1].startswith("Samen: 3 lange woorden in 18 bestanden, 64 zinnen en 203 woorden; gemiddeld 3,2 "
                                "woorden per zin, Flesch-Douma 70,0")


def test_every_kind_is_reported_with_its_field_and_sentence_and_names_are_not(content):
    result = make_taal(f"CONTENT={content}")
    assert result.returncode == 0, result.stderr
    report = result.stdout
    item = report[report.index("berichten/taal.md"):report.index("\n\n", report.index("berichten/taal.md"))]
    assert item.splitlines()[0].endswith("taal.md: 1 zin langer dan 20 woorden, 1 lijdende vorm, 1 ambtelijk woord, "
                                         "1 weinig gebruikt woord, 1 lang woord, 1 je-vorm; gemiddeld 7,6 woorden per zin, "
                                         "Flesch-Douma 58,3")
    assert '- regel 5, veld "samenvatting": ambtelijk woord "middels"' in item
    assert "  'middels' is ambtelijke taal. Schrijf liever: met, of door." in item
    assert '- de tekst: lijdende vorm "wordt besproken"' in item
    assert '  Zin: "Het plan wordt besproken met de bewoners."' in item
    assert "- de tekst: zin langer dan 20 woorden" in item
    assert '- de tekst: weinig gebruikt woord "zwenkbrulaap"' in item
    assert '- de tekst: lang woord "huurdersvereniging"' in item
    assert '- de tekst: je-vorm "je"' in item
    assert "  'je' is de je-vorm. Deze site spreekt de lezer aan met u. Schrijf liever: u of uw." in item
    for name in ("Klimaatadaptatie", "klimaatadaptatie", "Kroetsjevaar", "Voorbeeldstad", "Wijkschouw", "Vries", "groen", "jij"):
        assert f'"{name}"' not in item


def test_one_file(content):
    result = make_taal(f"CONTENT={content}", f"BESTAND={content / 'berichten' / 'taal.md'}")
    assert result.returncode == 0, result.stderr
    assert "toegankelijkheid.md" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Samen: 1 zin langer dan 20 woorden, 1 lijdende vorm, "
                                                     "1 ambtelijk woord, 1 weinig gebruikt woord, 1 lang woord, 1 je-vorm in 1 bestand")


def test_a_file_that_is_not_content_is_named_in_dutch(content):
    result = make_taal(f"CONTENT={content}", "BESTAND=README.md")
    assert result.returncode == 2 and "taal] Error 2" in result.stderr
    assert "make taal: README.md is geen inhoudsbestand van deze site" in result.stderr


def test_a_broken_file_gets_the_builds_message_not_a_traceback(content, tmp_path):
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    (broken / "berichten" / "kapot.md").write_text("---\ntitel: Kapot\nstatus: gepubliceerd\n---\nTekst.\n")
    result = make_taal(f"CONTENT={broken}")
    assert result.returncode == 2 and "taal] Error 1" in result.stderr
    assert "Traceback" not in result.stderr
    assert 'berichten/kapot.md, regel 1, veld "datum"' in result.stderr
    assert "dan controleert make taal de teksten" in result.stderr


def test_strict_fails_above_thresholds_only(content):
    strict = make_taal(f"CONTENT={content}", "STRENG=ja")
    assert strict.returncode == 2 and "taal] Error 1" in strict.stderr
    assert "boven de drempel: 1 zin langer dan 20 woorden (toegestaan: 0); 1 lijdende vorm (toegestaan: 0)" in strict.stderr
    assert "4 lange woorden (toegestaan: 0); 1 je-vorm (toegestaan: 0)." in strict.stderr
    allowed = make_taal(f"CONTENT={content}", "STRENG=lange-zinnen=1 lijdende-vormen=1 ambtelijke-woorden=1 "
                                              "weinig-gebruikte-woorden=1 lange-woorden=4 je-vormen=1 leesbaarheid=50")
    assert allowed.returncode == 0, allowed.stderr
    score = make_taal(f"CONTENT={content}", "STRENG=lange-zinnen=9 lijdende-vormen=9 ambtelijke-woorden=9 "
                                            "weinig-gebruikte-woorden=9 lange-woorden=9 je-vormen=9 leesbaarheid=90 zinslengte=2")
    assert score.returncode == 2 and "taal] Error 1" in score.stderr
    assert "Flesch-Douma" in score.stderr and "(laagste toegestaan: 90)" in score.stderr
    assert "(hoogste toegestaan: 2)" in score.stderr
    wrong = make_taal(f"CONTENT={content}", "STRENG=lange-zinen=3")
    assert wrong.returncode == 2 and "taal] Error 2" in wrong.stderr
    assert '"lange-zinen" kent make taal niet als drempel' in wrong.stderr


def test_make_help_names_it():
    result = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "make taal        taaladvies (B1) bij alle teksten" in result.stdout
