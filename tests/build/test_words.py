"""Words in the built site and in the build's messages: counts in the singular, one message for all
example content with a command that works, and when a future-dated item appears (preview only)."""

from __future__ import annotations

import re

import pytest

from tests.support import REGISTRATION_OPEN, build, replace

APPEARS = "Op de echte site vanaf 20 oktober 2030, 00.00 uur"


def test_counts_of_one_are_in_the_singular(fixture_build):
    site = fixture_build(REGISTRATION_OPEN)
    tasks = [task.get_text(" ", strip=True) for task in site.page("/").select(".werkplaatsen-toptask")]
    assert tasks[:3] == ["Casussen 1 lokale opgave van een trio", "Instrumenten 1 werkvorm om morgen te gebruiken",
                         "Verslagen 1 publicatie met de lessen"]
    filtered = site.page("/instrumenten/groepsvorm/groep/").select_one(".utrecht-paragraph--lead").get_text()
    assert filtered == "1 instrument met groepsvorm Groep."


def test_example_content_is_one_message_whose_command_publishes_it(content, tmp_path):
    replace("status: gepubliceerd", "status: gepubliceerd\nvoorbeeld: ja", "instrumenten/wijkschouw.md")(content)
    refused = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py")
    assert refused.returncode == 1
    assert refused.stderr.count("Voorbeeldinhoud") == 1
    assert ("De inhoud heeft 1 probleem. De site is niet bijgewerkt; de vorige versie blijft staan.\n\n"
            "- Voorbeeldinhoud (voorbeeld: ja) gaat niet naar de echte site. Dit geldt voor 2 bestanden:\n"
            "  - content/casussen/plein.md, regel 19\n"
            "  - content/instrumenten/wijkschouw.md, regel ") in refused.stderr
    command = re.search(r"Maak hem dan met dit commando: (\w+)=(\w+) make publish\n", refused.stderr)
    assert command, refused.stderr
    # The command as `make publish` runs it: the production settings, with that variable set.
    published = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                      extra_env={command.group(1): command.group(2)})
    assert published.returncode == 0, published.stderr


def shown_text(element) -> str:
    """The text as a reader sees it: dates are <time> elements inside the sentence, so no separator."""
    return " ".join(element.get_text().split())


def test_a_future_dated_item_says_to_the_minute_when_it_appears_in_the_preview_only(fixture_build, content, tmp_path):
    preview = fixture_build(REGISTRATION_OPEN)
    banner = shown_text(preview.page("/verslagen/verslag-sessie-1/").select_one(".utrecht-alert--warning"))
    assert "op zondag 20 oktober 2030 om 00.00 uur, bij de eerste build vanaf dat moment" in banner
    for listing in ("/verslagen/", "/"):
        card = next(card for card in preview.page(listing).select(".werkplaatsen-card")
                    if card.select_one("a[href='/verslagen/verslag-sessie-1/']"))
        assert shown_text(card.select_one(".werkplaatsen-card__flag")) == APPEARS
    assert preview.page("/sessies/gewoon/").select(".werkplaatsen-card__flag") == []  # sessions have no embargo
    production = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                       extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert production.returncode == 0, production.stderr
    pages = [path.read_text(encoding="utf-8") for path in production.html_files()]
    assert pages and not any("Op de echte site vanaf" in page or "staat nog niet op de echte site" in page
                             for page in pages)
    # On the day itself, from midnight, it is on the real site without a label.
    appeared = build(content, tmp_path / "later", now="2030-10-20 00:00", settings="publishconf.py",
                     extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert appeared.returncode == 0, appeared.stderr
    assert appeared.page("/verslagen/").select_one("a[href='/verslagen/verslag-sessie-1/']")
    assert "Op de echte site vanaf" not in (appeared.output / "verslagen" / "index.html").read_text(encoding="utf-8")
