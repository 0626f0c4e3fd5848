"""`make beheer`: the browser editor on this computer, every save a git commit.

Starts the preview (``werkplaatsen.build.preview``: build, serve on 127.0.0.1, rebuild after every
save) and decap-server (``gitserver``) side by side, and serves the editor a configuration that
saves to the current branch of the checkout instead of GitHub. Ctrl+C or SIGTERM stops both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from ..build import preview
from ..hosting.serve import Reply
from ..model.filetypes import MEDIA_TYPES
from ..model.routes import ADMIN_URL, FILES_FOLDER
from ..outputs.beheer import CONFIG
from ..reading import uploads
from ..system import ports
from ..system.places import ROOT
from . import decap
from .checkout import current_branch, has_uncommitted_changes, identity
from .generate import DECAP_CONFIG
from .gitserver import GitServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="the git checkout the editor saves into")
    parser.add_argument("--port", default="8000", help="0: any free port")
    args = parser.parse_args(argv)
    port = ports.claim(args.port, "beheer")
    repo = args.repo.resolve()
    branch = current_branch(repo)
    who = identity(repo)
    if has_uncommitted_changes(repo):
        print("Let op: in deze map staan wijzigingen die nog niet zijn vastgelegd. Ze komen mee in de eerste "
              "wijziging die u in het beheer opslaat.", flush=True)
    production = yaml.safe_load(DECAP_CONFIG.read_text(encoding="utf-8"))
    local_config = {}  # made once the preview's address is known

    def editor_config(method, headers, body) -> Reply:
        return Reply(200, "text/yaml; charset=utf-8", local_config["text"])

    def file_list(method, headers, body) -> Reply:
        """The files in content/bestanden/ that the checks accept, for the editor's file fields."""
        found, _ = uploads.scan(repo / "content" / FILES_FOLDER)
        return Reply(200, MEDIA_TYPES["json"], json.dumps({"bestanden": sorted(found)}).encode())

    def announce(url: str) -> None:
        local_config["text"] = decap.dump(decap.local(production, branch, url)).encode()
        print(f"Het beheer staat klaar. Open in uw browser: {url}{ADMIN_URL}\n"
              f"Wat u opslaat, wordt vastgelegd op naam van {who.name} <{who.email}> in de tak {branch}.\n"
              f"De site zelf ziet u op {url}/. Stoppen: Ctrl+C.", flush=True)

    with GitServer(repo, who, branch) as git:
        routes = {decap.LOCAL_API: git.forward, ADMIN_URL + CONFIG.name: editor_config, decap.LOCAL_FILES: file_list}
        # The preview of the checkout inside it (.preview/ is ignored by git, so no save commits it).
        preview.serve(repo / "content", repo / ".preview" / "beheer", port, announce, routes, stop=git.exited)
        if git.exited.is_set():
            print("decap-server is onverwacht gestopt (zie de melding hierboven), dus het beheer stopt ook. "
                  "Start het opnieuw met make beheer.", file=sys.stderr, flush=True)
            return 1
    print("Het beheer is gestopt.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
