"""The preview's plain-language panel: on every item page, what `make taal` says about that item.

Only the preview shows it (``PreviewGenerator(language=True)``, as `make serve` and `make beheer`
run it); a build has no panels, so production pages never carry one. The findings are computed
before the pages are rendered, in the parent process, and kept per item with the record and text
they came from: after a save only the items that changed are checked again. When the accepted
names change (a person added, a vocabulary label renamed), every item is checked again, because
any text may use the name; the pages whose panel then changed are rendered again (their key
``("language", type name, slug)`` is reported as changed, see build/incremental.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import deps
from ..plainlanguage import Checker, summary
from .language import accepted_names, check_item


@dataclass(frozen=True)
class PanelFinding:
    """One finding as the panel lists it: the sentence split around the words concerned."""

    label: str  # "lang woord"
    field: str  # "Samenvatting", "Tekst", "Lessen 2: Toelichting"
    before: str
    text: str
    after: str
    message: str  # with the plainer word, when there is one


@dataclass(frozen=True)
class Panel:
    summary: str  # "3 zinnen langer dan 20 woorden, 1 lijdende vorm"
    findings: tuple[PanelFinding, ...]


class LanguagePanels:
    """The panel of every item, kept up to date from one preview update to the next."""

    def __init__(self):
        self._accepted: frozenset[str] | None = None
        self._checker: Checker | None = None
        self._panels: dict[tuple, tuple[object, Panel]] = {}  # item key -> (what it was made from, panel)

    def update(self, catalog, terms: dict, render) -> set[tuple]:
        """Check the items that are new or changed; return the keys of the panels that changed."""
        accepted = frozenset(accepted_names(catalog, terms))
        if accepted != self._accepted:
            self._accepted, self._checker = accepted, Checker(accepted)
        changed, panels = set(), {}
        for item in catalog:
            # The names kept from the last update, if equal: the same object, which each item's
            # comparison below passes at once instead of comparing every name again.
            made_from = (self._accepted, item.record, item.html)
            old = self._panels.get(item.dep_key)
            if old is not None and old[0] == made_from:
                panels[item.dep_key] = old
                continue
            panel = _panel(check_item(self._checker, item, render))
            panels[item.dep_key] = made_from, panel
            if old is None or old[1] != panel:
                changed.add(("language", item.type.name, item.slug))
        self._panels = panels
        return changed

    def panel(self, item) -> Panel:
        """The panel of an item page (a page that shows it depends on it)."""
        deps.read(("language", item.type.name, item.slug))
        return self._panels[item.dep_key][1]


def _panel(report) -> Panel:
    shown = [PanelFinding(finding.kind.label, text.label, *finding.in_context(),
                   finding.message)
             for text in report.texts for finding in text.report.findings]
    return Panel(summary(report.stats.findings), tuple(shown))
