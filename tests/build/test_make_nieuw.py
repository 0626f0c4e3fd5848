"""`make nieuw` passes the title to Python as it was typed: no shell ever runs part of it."""

import subprocess

from werkplaatsen.reading import frontmatter
from werkplaatsen.system.places import ROOT


def test_a_title_with_shell_syntax_and_quotes_is_written_as_typed(tmp_path):
    marker = tmp_path / "uitgevoerd"
    title = f'Sessie "3": $(touch {marker}) `touch {marker}` it\'s $HOME & {{x}} ; touch {marker}'
    result = subprocess.run(["make", "--no-print-directory", "nieuw", "TYPE=sessie", f"TITEL={title}",
                             f"CONTENT={tmp_path / 'content'}"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists(), "part of the title was run as a command"
    [path] = (tmp_path / "content" / "sessies").iterdir()
    source, errors = frontmatter.read(str(path), path.read_bytes())
    assert errors == [] and source.data["titel"] == title
