"""`python -m werkplaatsen.hosting.trial`: serve a built site with a real nginx on 127.0.0.1, in the foreground.

`make hosting` and the tests use it, so the site is tried under the production web server with
the production settings (hosting/nginx.conf). `make hosting` first puts the site in place as
`make deploy` would, in the local target `.hosting/site/` (``stage``): with the gzip and brotli
copies of the files that changed since the last time, so nginx serves what a server serves.
Those settings sit inside a small main configuration written to a runtime folder (pid file,
logs, temp files; `.hosting/` for `make hosting`), so nginx needs no system configuration and
leaves a system nginx alone. nginx and its brotli modules (the copies as they are, and per
request) are found as `werkplaatsen.system.programs` says (NGINX=…, NGINX_BROTLI_MODULE=…,
NGINX_BROTLI_FILTER_MODULE=…, PATH, Debian's locations); they are loaded when both are there, and
without them nginx sends gzip only.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..system import ports, processes
from ..system import programs as system
from ..system.places import ROOT
from .deploy import CURRENT, DeployFailed, DeployTarget, deploy
from .nginx import CONFIG_FILE, ConfigError, brotli_config, quoted

RUNTIME = ROOT / ".hosting"
BROTLI_MODULES = ("brotli", "brotli-filter")  # the copies as they are, and per request
START_SECONDS = 10


class HostingFailed(Exception):
    """nginx could not serve the site; the message is Dutch and says what to do."""


def main_config(root: Path, port: int, site_config: Path = CONFIG_FILE, brotli: bool = True) -> str:
    """A whole nginx configuration around the site's settings; relative paths are in the runtime folder."""
    lines = ["# Written by werkplaatsen.hosting.trial for one run; the site's settings are in hosting/nginx.conf."]
    if os.geteuid() == 0:
        lines += ["# Started as root (CI, containers): the workers keep root's rights, so they can read a site",
                  "# in a private folder. A public server runs its workers as an unprivileged user.",
                  "user root;"]
    if brotli:
        try:
            lines += [f"load_module {quoted(system.locate(module))};" for module in BROTLI_MODULES]
        except system.Missing as missing:
            raise HostingFailed(str(missing)) from None
    lines.append(f"""worker_processes 1;
pid nginx.pid;
error_log logs/error.log;
events {{
    worker_connections 512;
}}
http {{
    access_log logs/access.log;
    client_body_temp_path temp/client_body;
    proxy_temp_path temp/proxy;
    fastcgi_temp_path temp/fastcgi;
    uwsgi_temp_path temp/uwsgi;
    scgi_temp_path temp/scgi;
    sendfile on;{"".join(chr(10) + "    " + line for line in brotli_config().splitlines()) if brotli else ""}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {quoted(str(root))};
        include {quoted(str(site_config))};
    }}
}}
""")
    return "\n".join(lines)


def stage(site: Path, folder: Path) -> tuple[Path, str]:
    """Deploy `site` (any build: make html's too) to the local target `folder`; return what nginx
    serves (its `current`) and what the deploy did."""
    try:
        done = deploy(site, DeployTarget(None, str(folder.absolute())), force=True)
    except DeployFailed as failure:
        raise HostingFailed(str(failure)) from None
    return folder / CURRENT, done


def nginx_binary() -> str:
    try:
        return system.locate("nginx")
    except system.Missing as missing:
        raise HostingFailed(f"{missing} make hosting installeert het met apt bij het eerste gebruik.") from None


class Nginx:
    """One nginx serving `root` on 127.0.0.1:`port` (0: a free port), with its own runtime folder."""

    def __init__(self, root: Path, runtime: Path, port: int = 0, site_config: Path = CONFIG_FILE,
                 brotli: bool | None = None):
        self.root = Path(root).absolute()
        self.runtime = Path(runtime).absolute()
        self.requested_port = port
        self.site_config = Path(site_config).absolute()
        self.brotli = all(system.find(module) for module in BROTLI_MODULES) if brotli is None else brotli
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def error_log(self) -> Path:
        return self.runtime / "logs" / "error.log"

    def start(self) -> Nginx:
        """Start nginx and return once it answers; a free port taken meanwhile by another is tried again."""
        for _ in range(1 if self.requested_port else 5):
            self.port = self.requested_port or processes.free_port()
            if self._try_start():
                return self
        raise HostingFailed(f"nginx vond geen vrije poort. Probeer het opnieuw.\n{self._log_tail()}")

    def _try_start(self) -> bool:
        for folder in ("logs", "temp"):
            (self.runtime / folder).mkdir(parents=True, exist_ok=True)
        self.error_log.write_text("", encoding="utf-8")
        config = self.runtime / "nginx.conf"
        try:
            config.write_text(main_config(self.root, self.port, self.site_config, self.brotli), encoding="utf-8")
        except ConfigError as problem:
            raise HostingFailed(str(problem)) from None
        self.process = subprocess.Popen(
            [nginx_binary(), "-p", f"{self.runtime}/", "-c", str(config), "-e", str(self.error_log),
             "-g", "daemon off;"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if "Address already in use" in self._log_tail() and not self.requested_port:
                    return False
                raise HostingFailed(self._start_failure())
            if self._answers():
                return True
            time.sleep(0.02)
        self.stop()
        raise HostingFailed(f"nginx antwoordde niet binnen {START_SECONDS} seconden.\n{self._log_tail()}")

    def _answers(self) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
        try:
            connection.request("HEAD", "/")
            connection.getresponse()
            return True
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def _start_failure(self) -> str:
        log = self._log_tail()
        if "Address already in use" in log:
            return ports.taken(self.port, "hosting")
        return f"nginx kon niet starten. Wat nginx meldt (uit {self.error_log}):\n{log}"

    def _log_tail(self) -> str:
        lines = self.error_log.read_text(encoding="utf-8", errors="replace").splitlines() if self.error_log.is_file() else []
        return "\n".join(lines[-10:])

    def stop(self) -> None:
        processes.stop(self.process)

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", default="8080")
    parser.add_argument("--root", type=Path, default=ROOT / "output")
    args = parser.parse_args(argv)
    port = ports.claim(args.port, "hosting", allow_any=False)
    if not (args.root / "index.html").is_file():
        print(f"Er staat nog geen gebouwde site in {args.root}/. Maak die eerst met make html of make publish.",
              file=sys.stderr)
        return 1
    # `kill` (SIGTERM) stops the server as cleanly as Ctrl+C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        served, done = stage(args.root, RUNTIME / "site")
        print(f"Klaargezet zoals make deploy dat doet: {done}", flush=True)
        server = Nginx(served, RUNTIME, port=port)
        with server:
            print(f"De site uit {args.root}/ draait met nginx op {server.url}/ (logboeken: {RUNTIME}/logs/). "
                  "Een nieuwe build ziet u na een nieuwe make hosting. Stoppen: Ctrl+C", flush=True)
            if not server.brotli:
                print("Let op: een brotli-module van nginx ontbreekt, dus nginx stuurt alleen gzip. Installeer "
                      "libnginx-mod-http-brotli-static en libnginx-mod-http-brotli-filter om ook brotli te testen.",
                      flush=True)
            server.process.wait()
        print(f"nginx is onverwacht gestopt. Zie {server.error_log} en start opnieuw.", file=sys.stderr)
        return 1
    except HostingFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
