"""The running preview survives every save: a property-based test over random sequences of edits.

Hypothesis drives the real preview process (`python -m werkplaatsen.build.preview` on a copy of the
fixture site) with saves an editor makes: good ones, content mistakes, a half-written or binary
file, a template error, a vocabulary that is no YAML, a download added and listed in a report, a
listed download removed, an item renamed under its references. After every save the preview
answers HTTP, says whether the content has problems (on the page, in the banner, and as JSON for
/beheer/) exactly when it has them; once the content is good again, its output equals a full
build byte for byte. Fixed seed and a small budget: it runs in well under a minute.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.build.preview_support import Running, make_workspace
from werkplaatsen.build.problems import BANNER_ID

SETTINGS = settings(max_examples=3, stateful_step_count=10, derandomize=True, deadline=None, database=None,
                    phases=[Phase.generate], suppress_health_check=list(HealthCheck))

SESSIONS = ["sessies/gewoon.md", "sessies/vol.md", "sessies/bijna-vol.md"]
REPORT = "verslagen/verslag-sessie-1.md"
CONTENT_FILES = [*SESSIONS, REPORT, "casussen/plein.md", "rondes/ronde-9.md"]
TEMPLATE_MISTAKES = ["{% if %}", "{{ 1 // 0 }}", "{{ site.geen_functie() }}"]
# (template, the text a mistake goes after)
TEMPLATES = [("instrument.html", "{% block main %}"), ("base.html", '{% include "partials/header.html" %}')]
BROKEN_VOCABULARIES = [b"themas: [niet afgesloten\n", b"\xff\xfe\x00themas", b"- een lijst\n- geen woordenlijst\n"]
PAGE = "/sessies/gewoon/"
LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(str.strip).filter(bool)


def machine(running: Running, workspace: Path, builds: Path) -> type[RuleBasedStateMachine]:
    content = workspace / "content"

    class PreviewUnderEdits(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.broken: dict[Path, bytes | None] = {}  # each file a mistake touched -> its good bytes (None: absent)
            self.updates = running.problems()["updates"]

        # Saving ----------------------------------------------------------------------------

        def write(self, path: Path, data: bytes | None, mistake: bool) -> None:
            """Save `data` to `path` (None: delete it); a mistake remembers the good bytes to put back."""
            if mistake and path not in self.broken:
                self.broken[path] = path.read_bytes() if path.exists() else None
            if data is None:
                path.unlink()
            else:
                path.write_bytes(data)

        def good(self, path: Path) -> bytes:
            """The good version of a file, whether a mistake sits on it now or not."""
            return self.broken[path] if path in self.broken else path.read_bytes()

        def good_edit(self, path: Path, data: bytes) -> None:
            """A good save: on disk, or into the good version when a mistake sits on the file."""
            if path in self.broken:
                self.broken[path] = data
            else:
                self.write(path, data, mistake=False)

        def settle(self) -> None:
            """Wait until the preview has taken the save in; then it says it has problems exactly when there are."""
            state = running.settled(self.updates)
            self.updates = state["updates"]
            status, _, body = running.page(PAGE)
            assert status == 200, status
            if self.broken:
                assert state["problemen"] and state["kop"].startswith("De inhoud heeft"), state
                assert f'id="{BANNER_ID}"' in body and "laatste versie die wel klopte" in body
            else:
                assert state["problemen"] == [], state["problemen"]
                assert BANNER_ID not in body

        # Good saves ------------------------------------------------------------------------

        @rule(file=st.sampled_from(SESSIONS), words=LETTERS, twice=st.booleans())
        def change_a_summary(self, file, words, twice):
            path = content / file
            for attempt in range(2 if twice else 1):  # the second save lands while the first update runs
                text = self.good(path).decode()
                self.good_edit(path, re.sub(r"(?m)^samenvatting: .*$", f"samenvatting: Tekst {words} {attempt}",
                                            text).encode())
                time.sleep(0.05)
            if path not in self.broken:
                self.settle()

        @rule(name=st.sampled_from(["bijlage-a", "bijlage-b"]))
        def attach_a_download(self, name):
            """A new PDF in content/bestanden/, listed in a report (the preview once stopped on this)."""
            report, pdf = content / REPORT, content / "bestanden" / f"{name}.pdf"
            text = self.good(report).decode()
            if f"{name}.pdf" in text or pdf in self.broken:
                return
            self.write(pdf, b"%PDF-1.4\n% " + name.encode() + b"\n" + b"x" * 300 + b"\n%%EOF\n", mistake=False)
            self.good_edit(report, text.replace("bestanden:\n", f"bestanden:\n  - titel: {name}\n    bestand: {name}.pdf\n",
                                                1).encode())
            self.settle()

        @rule(name=st.sampled_from(["bijlage-a", "bijlage-b"]))
        def detach_a_download(self, name):
            """A listed download taken out of the report and deleted: the preview must drop its copy."""
            report, pdf = content / REPORT, content / "bestanden" / f"{name}.pdf"
            text = self.good(report).decode()
            listing = f"  - titel: {name}\n    bestand: {name}.pdf\n"
            if listing not in text or pdf in self.broken:
                return
            self.good_edit(report, text.replace(listing, "").encode())
            self.write(pdf, None, mistake=False)
            self.settle()

        # Mistakes (one rule, so that every example mixes them) ----------------------------

        @rule(mistake=st.sampled_from(["a_form_that_does_not_exist", "a_half_written_file", "a_binary_file",
                                       "a_template_error", "a_vocabulary_that_is_not_one", "a_listed_download_removed",
                                       "an_item_renamed_under_its_references"]),
              alone=st.booleans(), during=st.sampled_from([None, 0.0, 0.15, 0.4]), data=st.data())
        def a_mistake(self, mistake, alone, during, data):
            """A mistake, on top of those there are or (alone) in the same save as their repair; `during`:
            that long after a good save, so that it lands while the update of that save runs."""
            if alone:
                self.put_back()
            if during is not None:
                path = content / "sessies" / "vol.md"
                self.good_edit(path, self.good(path).replace(b"Tekst van vol.", b"Tekst van vol, opnieuw.", 1)
                               .replace(b"Tekst van vol, opnieuw, opnieuw.", b"Tekst van vol."))
                time.sleep(during)
            getattr(self, mistake)(data.draw)
            self.settle()

        def a_form_that_does_not_exist(self, draw):
            path = content / draw(st.sampled_from(SESSIONS))
            self.write(path, re.sub(rb"(?m)^vorm: .*$", b"vorm: ergens", self.good(path)), mistake=True)

        def a_half_written_file(self, draw):
            """The file cut off inside its front matter, as a save that has not ended leaves it."""
            path = content / draw(st.sampled_from(CONTENT_FILES))
            data = self.good(path)
            end = data.index(b"\n---", 3)
            self.write(path, data[:max(4, int(end * draw(st.floats(0.05, 0.95))))], mistake=True)

        def a_binary_file(self, draw):
            self.write(content / "casussen" / "kapot.md", b"\xff\xfe\x00" + draw(st.binary(min_size=1, max_size=40)),
                       mistake=True)

        def a_template_error(self, draw):
            name, after = draw(st.sampled_from(TEMPLATES))
            mistake = draw(st.sampled_from(TEMPLATE_MISTAKES))
            path = workspace / "theme" / "templates" / name
            self.write(path, self.good(path).replace(after.encode(), (after + mistake).encode(), 1), mistake=True)

        def a_vocabulary_that_is_not_one(self, draw):
            self.write(workspace / "vocabulary.yaml", draw(st.sampled_from(BROKEN_VOCABULARIES)), mistake=True)

        def a_listed_download_removed(self, draw):
            path = content / "bestanden" / draw(st.sampled_from(["werkblad.pdf", "verslag.pdf"]))
            self.write(path, None, mistake=True) if path.exists() else self.a_binary_file(draw)

        def an_item_renamed_under_its_references(self, draw):
            """casussen/plein.md renamed (a new web address): the sessions and reports that name it break."""
            old, new = content / "casussen" / "plein.md", content / "casussen" / "plein-verplaatst.md"
            if not old.exists():
                return self.a_binary_file(draw)
            self.broken.setdefault(old, old.read_bytes())
            self.broken.setdefault(new, None)
            os.rename(old, new)

        # Back to good ----------------------------------------------------------------------

        def put_back(self) -> None:
            """Put back the good version of every file a mistake touched."""
            for path, data in self.broken.items():
                if data is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(data)
            self.broken = {}

        def repair(self) -> None:
            if self.broken:
                self.put_back()
                self.settle()

        @rule()
        def every_mistake_repaired(self):
            self.repair()

        @invariant()
        def it_answers(self):
            assert running.page(PAGE)[0] == 200

        def teardown(self):
            self.repair()
            running.same_as_full_build(workspace, builds / f"full-{time.monotonic_ns()}")

    return PreviewUnderEdits


def test_the_preview_survives_every_save_and_ends_as_a_full_build(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("never-stops"))
    running = Running(workspace, language=False)  # the panel is the one thing a full build never has
    try:
        run_state_machine_as_test(machine(running, workspace, tmp_path_factory.mktemp("full")), settings=SETTINGS)
    finally:
        running.stop()
