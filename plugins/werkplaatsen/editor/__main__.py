"""Editor tools: `python -m werkplaatsen.editor nieuw TYPE TITEL [MAP]` and `... docs`.

Arguments arrive as a list, never through a shell, so a title may hold any character.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..system.places import ROOT
from .generate import write_docs
from .scaffold import new_file


def main(argv: list[str]) -> int:
    if argv[:1] == ["nieuw"] and len(argv) in (3, 4):
        content = Path(argv[3]) if len(argv) == 4 else ROOT / "content"
        path = new_file(argv[1], argv[2], content.absolute())
        print(f"Nieuw bestand: {path}. Vul de velden in en controleer met make check.")
        return 0
    if argv == ["docs"]:
        written, current = write_docs()
        if not written:
            print(f"De {current} bestanden uit het model waren al actueel.")
        else:
            names = ", ".join(str(path.relative_to(ROOT)) for path in written)
            print(f"Opnieuw gemaakt uit het model: {names} ({current} {'ander was' if current == 1 else 'andere waren'} "
                  "al actueel).")
        return 0
    print("Gebruik: nieuw TYPE TITEL [MAP] | docs", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
