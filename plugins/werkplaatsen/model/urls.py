"""Every URL an editor writes, checked the way a browser will read it.

Python's ``urlsplit`` and browsers disagree on URLs such as ``https://evil.example\\@host/``:
``urlsplit`` sees ``host``, a browser goes to ``evil.example``. So URLs are parsed with a WHATWG
URL parser (ada, the parser of Node.js) and anything a browser would quietly repair (a backslash,
white space, control characters) or that hides the real host (a user name before ``@``) is refused
outright. One function serves every URL field and every link and image in a Markdown text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url

# Link schemes a page may carry at all; the sanitiser uses the same set.
SAFE_SCHEMES = frozenset({"https", "mailto", "tel"})
# Resolving a site-internal link against this base shows where a browser would go.
_BASE = "https://site.invalid/"
_BASE_HOST = "site.invalid"
# White space, control characters and the backslash: browsers strip or rewrite them silently.
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")

LINK_HELP = "Schrijf een link binnen de site als /sessies/naam/ en naar buiten als https://…"


@dataclass(frozen=True)
class LinkTarget:
    """Where a checked link goes: a page of this site (path and fragment) or another host."""

    internal: bool
    path: str = ""
    fragment: str = ""
    host: str = ""


class UrlProblem(ValueError):
    """A URL an editor wrote that the site will not link to; the message is Dutch."""


def external(url: str, hosts: tuple[str, ...] | frozenset[str]) -> str:
    """Check a URL field: an https address on one of `hosts`. Returns the URL or raises UrlProblem."""
    target = resolve(url, allow_internal=False)
    _require_host(url, target, hosts)
    return url


def link(url: str, hosts, *, schemes=SAFE_SCHEMES) -> LinkTarget | None:
    """Check a link in a text: internal, or https to one of `hosts`, or mailto:/tel:.

    Returns the LinkTarget of an internal or https link, None for mailto: and tel:.
    """
    scheme = _scheme(url)
    if scheme in {"mailto", "tel"} and scheme in schemes:
        _plain(url)
        return None
    target = resolve(url, allow_internal=True)
    if not target.internal:
        _require_host(url, target, hosts)
    return target


def resolve(url: str, *, allow_internal: bool) -> LinkTarget:
    """Parse a URL as a browser would; refuse what a browser would repair or misread."""
    _plain(url)
    scheme = _scheme(url)
    if scheme == "http":
        raise UrlProblem(f'"{url}" is niet beveiligd. Gebruik https://.')
    if scheme and scheme != "https":
        raise UrlProblem(f'"{url}" is niet toegestaan ({scheme}:). {LINK_HELP}')
    if not scheme and not allow_internal:
        raise UrlProblem(f'"{url}" is geen volledig webadres. Een link naar buiten begint met https://.')
    if not scheme and not url.startswith(("/", "#")):
        raise UrlProblem(f'"{url}" is onvolledig. {LINK_HELP}')
    try:
        parsed = ada_url.URL(url, _BASE)
    except ValueError:
        raise UrlProblem(f'"{url}" is geen geldig webadres. {LINK_HELP}') from None
    if parsed.username or parsed.password:
        raise UrlProblem(f'"{url}" bevat een gebruikersnaam of wachtwoord (met @). Dat mag niet in een link.')
    fragment = parsed.hash.removeprefix("#")
    if parsed.hostname == _BASE_HOST and not url.startswith("//"):
        return LinkTarget(internal=True, path=parsed.pathname, fragment=fragment)
    return LinkTarget(internal=False, path=parsed.pathname, fragment=fragment, host=parsed.hostname)


def unusual(url: str) -> bool:
    """True for a URL with characters a browser would strip or rewrite (white space, \\, controls)."""
    return bool(_INVISIBLE.search(url))


def _plain(url: str) -> None:
    found = _INVISIBLE.search(url)
    if not url:
        raise UrlProblem("de link is leeg.")
    if found:
        what = "een backslash (\\)" if found.group() == "\\" else "een spatie of onzichtbaar teken"
        raise UrlProblem(f'"{url.strip()}" bevat {what}. Dat mag niet in een webadres.')


def _scheme(url: str) -> str:
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


def _require_host(url: str, target: LinkTarget, hosts) -> None:
    if target.internal:
        raise UrlProblem(f'"{url}" is geen volledig webadres. Een link naar buiten begint met https://.')
    if target.host not in hosts:
        allowed = ", ".join(sorted(hosts)) or "geen"
        raise UrlProblem(
            f'"{url}" gaat naar {target.host}, en die website staat niet op de lijst van toegestane '
            f"websites ({allowed}). Vraag de beheerder om hem toe te voegen."
        )
