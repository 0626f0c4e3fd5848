"""While a deploy switches releases under load, nginx answers every request with a complete file of
the old release or the new one, and only the new one once the deploy has returned.

Loopback only, bounded in count (MAX_REQUESTS) and time (MAX_SECONDS). The numbers are printed at
the end of the test run.
"""

from __future__ import annotations

import gzip
import http.client
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support import BEFORE_REGISTRATION, FIXTURE_CONTENT, REGISTRATION_OPEN, build
from werkplaatsen.hosting.headers import HEADERS_FILE
from werkplaatsen.system.places import ROOT

THREADS = 8
MIN_REQUESTS = 2000
MAX_REQUESTS = 50_000
MAX_SECONDS = 30
BEFORE_DEPLOY = 300  # requests served by the old release before the deploy starts
AFTER_DEPLOY = 300  # requests at least after the deploy has returned
# Two moments with different registration statuses, so pages differ between the two releases.
MOMENTS = (BEFORE_REGISTRATION, REGISTRATION_OPEN)


def urls_and_files(release: Path) -> dict[str, Path]:
    """Every file of a release as visitors ask for it (/x/ for x/index.html); compressed copies and
    the headers file (configuration: nginx answers 404) aside."""
    files = {}
    for path in sorted(release.rglob("*")):
        if path.is_file() and path.suffix not in {".gz", ".br"} and path != release / HEADERS_FILE.name:
            url = "/" + path.relative_to(release).as_posix()
            files[url.removesuffix("index.html")] = path
    return files


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture site built for production twice, at two moments, in parallel."""
    folder = tmp_path_factory.mktemp("releases")

    def build_at(now: str) -> Path:
        result = build(FIXTURE_CONTENT, folder / now[:10] / "output", now=now, settings="publishconf.py",
                       extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
        assert result.returncode == 0, result.stderr
        return result.output

    with ThreadPoolExecutor(2) as pool:
        return tuple(pool.map(build_at, MOMENTS))


def deploy(output: Path, target: Path) -> None:
    # FORCE: the test is about serving, not about whether this checkout has uncommitted changes.
    subprocess.run([sys.executable, "-m", "werkplaatsen.hosting.deploy", "deploy", f"--target={target}", f"--output={output}",
                    "--force=ja"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, check=True,
                   capture_output=True)


class Load:
    """THREADS clients, each on its own keep-alive connection, fetching every file in turn until stopped."""

    def __init__(self, port: int, expected: dict[str, dict[bytes, str]]):
        self.port = port
        self.expected = expected  # url -> {body: "old" | "new" | "same"}
        self.urls = sorted(expected)
        self.results: list[tuple[float, str, str]] = []  # (started, url, "old" | "new" | "same" | problem)
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def count(self) -> int:
        return len(self.results)

    def client(self, number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Accept-Encoding": "gzip"} if number % 2 else {}  # half the clients take the .gz copies
        index = number
        while not self.stop.is_set() and self.count() < MAX_REQUESTS:
            url = self.urls[index % len(self.urls)]
            index += 1
            started = time.monotonic()
            try:
                connection.request("GET", url, headers=headers)
                response = connection.getresponse()
                body = response.read()
                if response.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                outcome = self.expected[url].get(body, f"{url}: {response.status}, not a file of either release")
            except (OSError, http.client.HTTPException) as error:
                outcome = f"{url}: {error!r}"
                connection.close()
            with self.lock:
                self.results.append((started, url, outcome))
        connection.close()

    def wait_for(self, count: int, deadline: float) -> None:
        while self.count() < count and time.monotonic() < deadline and self.count() < MAX_REQUESTS:
            time.sleep(0.01)


def test_every_response_during_a_deploy_is_a_whole_file_of_the_old_or_the_new_release(releases, tmp_path,
                                                                                      start_nginx, record_property):
    old, new = releases
    target = tmp_path / "doel"
    deploy(old, target)
    old_files, new_files = urls_and_files(old), urls_and_files(new)
    expected = {}
    for url in old_files.keys() & new_files.keys():
        before, after = old_files[url].read_bytes(), new_files[url].read_bytes()
        expected[url] = {before: "same"} if before == after else {before: "old", after: "new"}
    assert sum(len(bodies) == 2 for bodies in expected.values()) >= 5, "the two releases hardly differ"
    server = start_nginx(target / "current")

    load = Load(server.port, expected)
    clients = [threading.Thread(target=load.client, args=(number,)) for number in range(THREADS)]
    started = time.monotonic()
    deadline = started + MAX_SECONDS
    for client in clients:
        client.start()
    try:
        load.wait_for(BEFORE_DEPLOY, deadline)
        deploy_started = time.monotonic()
        deploy(new, target)
        deployed = time.monotonic()
        load.wait_for(max(MIN_REQUESTS, load.count() + AFTER_DEPLOY), deadline)
    finally:
        load.stop.set()
        for client in clients:
            client.join()
    duration = time.monotonic() - started

    outcomes = [outcome for _, _, outcome in load.results]
    errors = [outcome for outcome in outcomes if outcome not in {"old", "new", "same"}]
    stale = [url for moment, url, outcome in load.results if moment > deployed and outcome == "old"]
    summary = (f"{len(outcomes)} requests by {THREADS} threads in {duration:.1f} s ({len(outcomes) / duration:.0f}/s), "
               f"{len(errors)} errors; {outcomes.count('old')} from the old release, {outcomes.count('new')} from "
               f"the new one, {outcomes.count('same')} equal in both; the deploy took {deployed - deploy_started:.2f} s")
    record_property("load test while deploying", summary)
    assert errors == [], errors[:10]
    assert len(outcomes) >= MIN_REQUESTS, summary
    assert outcomes.count("old") and outcomes.count("new"), summary
    assert stale == [], f"served from the old release after the deploy returned: {stale[:10]}"
