"""The preview's builder: one full build, then after every save only what that save changed.

It keeps one generator (templates' compiled code, rendered Markdown and unchanged files' parses
are kept) and the reads of every output (see deps). After a save it loads the content again,
lists what changed (items, their HTML and backlinks, the items of a type, vocabulary terms,
downloads, templates, theme files, the clock), asks again the queries that read any of it, and
renders again only the outputs that read something that changed, or whose page is new or shows
other items: it hands those to the generator's ``build``, the full build's own order of work, and
touches no private state of the generator or of Pelican (a test scans for that). The search index
is made in the background, so an update ends when its files are written. The result is the same, byte
for byte, as a full build of the same content (without the plain-language panel, which only the
preview has): a test checks that for an edit of every content
type, a template and the vocabulary, and a property-based one for random sequences of good and
bad saves.

An update that fails leaves the last good state to compare with. Whatever it wrote before it
failed (pages, removals, pages pointed at a new stylesheet) is "unsure": the next update renders
or removes those outputs again, and every update removes the theme files and downloads that are
no longer the site's, so the next good update leaves no trace of a failed one.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import read_settings

from ..model import deps
from ..model.deps import signature
from ..model.routes import ASSETS_URL, FILES_FOLDER
from ..model.vocabulary import vocabulary
from ..outputs.files import replace_file
from ..outputs.searchindex import InBackground
from ..system import places
from ..view.languagepanel import LanguagePanels
from .generator import Output, WerkplaatsenGenerator
from .sitecheck import PageFacts

# Fewer outputs than this are rendered in this process; more are shared among the cores.
FORK_FROM = 64


@dataclass
class Written:
    """What the preview remembers of an output it wrote."""

    reads: frozenset
    shows: object = None  # the signature of what the output was given to show (see generator.Output)
    facts: PageFacts | None = None


@dataclass
class State:
    """What the last good build was made of, to compare the next one with."""

    catalog: object
    terms: dict
    uploads: dict
    templates: dict[str, str]
    assets: dict[str, str]
    now: object
    stylesheet: str = ""
    queries: dict = field(default_factory=dict)
    outputs: dict[str, Written] = field(default_factory=dict)


class PreviewGenerator(WerkplaatsenGenerator):
    """The generator as the preview keeps it: it caches parsed files and makes the search index in
    the background."""

    def __init__(self, *args, language: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.reads = {}
        self.search_index = InBackground()
        self.language = LanguagePanels() if language else None  # the plain-language panel on item pages
        self.language_changes: set = set()

    def generate_context(self):
        super().generate_context()
        if self.language is not None:
            self.language_changes = self.language.update(self.catalog, self.terms, self.markdown)
            self.env.globals["language_panels"] = self.language



class Preview:
    def __init__(self, settings_file: Path, content: Path, output: Path, language: bool = False):
        self.settings = read_settings(str(settings_file), override={"PATH": str(content.absolute()),
                                                                     "OUTPUT_PATH": str(output.absolute())})
        self.output = output.absolute()
        self.generator = PreviewGenerator.for_settings(self.settings, language=language)
        self.state: State | None = None
        self.read_with: dict | None = None  # the vocabulary keys the cached readings were checked against
        self.unsure: set[str] = set()  # the URLs a failed update may have written or removed

    # A build -------------------------------------------------------------------------------

    def update(self) -> int:
        """Bring the preview up to date; return how many outputs were rendered.

        Raises ContentErrors (and leaves the preview as it was) when the content has problems.
        """
        generator, old = self.generator, self.state
        with deps.tracking(deps.Tracker()) as tracker:
            templates = self._templates()
            self._forget_readings(vocabulary(places.vocabulary_file(self.settings)))
            generator.generate_context()
            outputs = generator.outputs()
            if old is None:
                todo = outputs
            else:
                changed = self._changed(old, templates)
                changed |= deps.changed_queries(old.queries, changed, self._ask)
                todo = [output for output in outputs if output.url in self.unsure or self._stale(output, old, changed)]
            current = {output.url for output in outputs}
            reports, stylesheet = self._render_and_write(todo, current, old, tracker)
            self._remove_stale_files(stylesheet)
            self.state = self._remember(outputs, reports, stylesheet, old, templates, tracker)
            self.unsure = set()
            return len(todo)

    def wait(self) -> None:
        """Return when the search index of the last update is made (it is made in the background)."""
        self.generator.search_index.wait()

    def close(self) -> None:
        """Stop making search indexes; return when the one under way has ended."""
        self.generator.search_index.close()

    def _forget_readings(self, terms: dict) -> None:
        """Validation checks terms by their keys, and its messages name keys: the files are read
        again only when a vocabulary key came or went since they were read, not for a new label."""
        keys = {name: set(values) for name, values in terms.items()}
        if keys != self.read_with:
            self.generator.reads.clear()
        self.read_with = keys

    def _render_and_write(self, todo: list[Output], current: set[str], old: State | None,
                          tracker: deps.Tracker) -> tuple[dict, object]:
        """Have the build render and write `todo` (on every core when there are many), checked with
        the pages not rendered again (`current`: the URLs the site has now); return what each read
        and showed, and the stylesheet."""
        earlier = {url: written.facts for url, written in (old.outputs.items() if old else ())
                   if written.facts is not None and url in current}

        def before_writing(stylesheet) -> None:
            if old is None:  # the first update replaces whatever an earlier preview left
                self._empty_output()
            self.unsure |= {output.url for output in todo}  # writing starts
            if old is not None:
                self._remove_gone(old, current)
                if old.stylesheet and old.stylesheet != stylesheet.url:
                    self.unsure |= set(old.outputs)
                    self._restyle(old, {output.url for output in todo}, old.stylesheet, stylesheet.url)

        rendered, queries, stylesheet = self.generator.build(todo, earlier, before_writing,
                                                             processes=1 if len(todo) < FORK_FROM else None)
        tracker.queries.update(queries)
        return rendered, stylesheet

    # What changed --------------------------------------------------------------------------

    def _changed(self, old: State, templates: dict[str, str]) -> set:
        """The keys (see deps) whose value differs between the last build and this one."""
        generator, changed = self.generator, set()
        new_catalog, old_catalog = generator.catalog, old.catalog
        for kind in set(old_catalog.items) | set(new_catalog.items):
            before, after = old_catalog.items.get(kind, {}), new_catalog.items.get(kind, {})
            if list(before) != list(after):
                changed.add(("items", kind))
            for slug in set(before) | set(after):
                changed |= _item_changes(before.get(slug), after.get(slug), kind, slug)
        for name in set(old.terms) | set(generator.terms):
            before, after = old.terms.get(name, {}), generator.terms.get(name, {})
            if list(before) != list(after):
                changed.add(("terms", name))
            changed |= {("term", name, key) for key in set(before) | set(after) if before.get(key) != after.get(key)}
        changed |= {("upload", name) for name in set(old.uploads) | set(generator.catalog.uploads)
                    if old.uploads.get(name) != generator.catalog.uploads.get(name)}
        changed |= {("template", name) for name in set(old.templates) | set(templates)
                    if old.templates.get(name) != templates.get(name)}
        assets = {name: asset.url for name, asset in generator.assets.items()}
        changed |= {("asset", name) for name in set(old.assets) | set(assets) if old.assets.get(name) != assets.get(name)}
        if generator.now != old.now:
            changed.add(("now",))
        return changed | generator.language_changes

    def _ask(self, key: deps.Key) -> object:
        """A query on the new site, by its key ("query", "Site.status", item key): its signature."""
        owner, name = key[1].split(".")
        target = {"Site": self.generator.site, "SearchFacts": self.generator.search_facts}[owner]
        arguments = [self.generator.catalog.get(*argument[1:]) if isinstance(argument, tuple) and argument[:1] == ("item",)
                     else argument for argument in key[2:]]
        attribute = getattr(type(target), name)
        value = getattr(target, name) if isinstance(attribute, property) else getattr(target, name)(*arguments)
        return signature(value)

    @staticmethod
    def _stale(output: Output, old: State, changed: set) -> bool:
        written = old.outputs.get(output.url)
        if written is None:
            return True
        if output.shows is not None and written.shows != signature(output.shows):
            return True
        return bool(written.reads & changed)

    # Writing -------------------------------------------------------------------------------

    def _empty_output(self) -> None:
        if self.output.is_symlink() or self.output.is_file():
            self.output.unlink()
        shutil.rmtree(self.output, ignore_errors=True)
        self.output.mkdir(parents=True)

    def _remove_gone(self, old: State, current: set[str]) -> None:
        """Remove the outputs the site no longer has, before the search index reads the pages."""
        gone = (set(old.outputs) | self.unsure) - current
        self.unsure |= gone
        for url in gone:
            path = self.output / Output(url, None).path
            path.unlink(missing_ok=True)
            for folder in path.parents:  # the folders it leaves empty go too
                if folder == self.output or any(folder.iterdir()):
                    break
                folder.rmdir()

    def _remove_stale_files(self, stylesheet) -> None:
        """Remove the theme files (an old fingerprint, an old stylesheet) and downloads the site no longer has."""
        generator = self.generator
        keep = {self.output / asset.url.lstrip("/") for asset in [*generator.assets.values(), stylesheet]}
        keep |= {self.output / FILES_FOLDER / name for name in generator.uploads}
        for folder in (self.output / ASSETS_URL.strip("/"), self.output / FILES_FOLDER):
            for path in sorted(folder.rglob("*"), reverse=True) if folder.is_dir() else ():
                if path.is_dir() and not path.is_symlink():
                    if not any(path.iterdir()):
                        path.rmdir()
                elif path not in keep:
                    path.unlink()

    def _restyle(self, old: State, rendered: set[str], before: str, after: str) -> None:
        """Pages not rendered again still name the old stylesheet: point them at the new one."""
        for url, written in old.outputs.items():
            if written.facts is not None and url not in rendered:
                path = self.output / Output(url, None).path
                if path.is_file():
                    replace_file(path, path.read_bytes().replace(before.encode(), after.encode()))
        (self.output / before.lstrip("/")).unlink(missing_ok=True)

    def _remember(self, outputs, rendered, stylesheet, old: State | None, templates, tracker: deps.Tracker) -> State:
        generator = self.generator
        queries = {**(old.queries if old else {}), **tracker.queries}
        previous = old.outputs if old else {}
        remembered = {}
        for output in outputs:
            done = rendered.get(output.url)
            shows = signature(output.shows) if output.shows is not None else None
            remembered[output.url] = (Written(done.reads, shows, done.facts) if done is not None
                                      else previous[output.url])
        return State(generator.catalog, generator.terms, dict(generator.catalog.uploads), templates,
                     {name: asset.url for name, asset in generator.assets.items()}, generator.now,
                     stylesheet.url, queries, remembered)

    # Files ---------------------------------------------------------------------------------

    def _templates(self) -> dict[str, str]:
        """Every template by name, with a hash of its text."""
        folder = Path(self.settings["THEME"]) / "templates"
        return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(folder.rglob("*.html"))}


def _item_changes(before, after, kind: str, slug: str) -> set:
    """The keys of one item that changed: the item itself, its HTML, its backlinks of each type."""
    changed = set()
    if before is None or after is None:
        return {("item", kind, slug), ("html", kind, slug), ("backlinks", kind, slug, "*")}
    if before.record != after.record:
        changed.add(("item", kind, slug))
    if before.html != after.html:
        changed.add(("html", kind, slug))
    for source in set(before.backlinks) | set(after.backlinks):
        if [i.dep_key for i in dict.get(before.backlinks, source, [])] != [i.dep_key for i in dict.get(after.backlinks, source, [])]:
            changed |= {("backlinks", kind, slug, source), ("backlinks", kind, slug, "*")}
    return changed
