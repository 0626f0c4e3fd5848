"""Load every content file, validate it, and link the items to each other in both directions.

References are stored as slugs in the schemas (marked with ``RefTo``); ``Item`` resolves them
to items on attribute access, and ``collect`` checks them and records the backlinks.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from ..model import deps, dutch
from ..model.clock import embargo_ends
from ..model.contenttypes import BY_FOLDER, BY_NAME, ContentType
from ..model.errors import ContentError, FieldPath, suggestion
from ..model.fields import SLUG_PATTERN, RefTo, marker
from ..model.filetypes import FILES_PATH
from ..model.routes import FILES_FOLDER, reserved_urls
from ..model.rules import linked_problems, records
from ..model.schemas import Schema
from . import frontmatter
from .uploads import Upload, scan
from .validation import nested_model, validate


class View:
    """Read access to a validated record, with references resolved to items.

    Every read is noted (see deps) as a read of the item the record belongs to, its owner. A full
    build notes nothing, so there a field is resolved once and then kept as a plain attribute
    (a page render reads item fields some 200 times).
    """

    def __init__(self, record: BaseModel, catalog: Catalog, owner_key: tuple):
        self._record = record
        self._catalog = catalog
        self.owner_key = owner_key

    def __getattr__(self, name: str):
        record = self.__dict__["_record"]
        if name not in type(record).model_fields:
            raise AttributeError(name)
        deps.read(self.__dict__["owner_key"])
        value = self._resolve(getattr(record, name), _target(type(record), name))
        if deps.current() is None:  # a full build notes no reads: keep the value, later reads skip this method
            self.__dict__[name] = value
        return value

    def _resolve(self, value, target: str | None):
        if isinstance(value, list):
            return [self._resolve(v, target) for v in value]
        if target and value is not None:
            return self._catalog.get(target, value)
        if isinstance(value, BaseModel):
            return View(value, self._catalog, self.owner_key)
        return value


@cache
def _target(model: type[BaseModel], name: str) -> str | None:
    """The content type a field refers to, if it is a reference (asked on every page render)."""
    reference = marker(model.model_fields[name], RefTo)
    return reference.type_name if reference else None


class Item(View):
    """One content file: its record, where it came from, its URL and its backlinks."""

    def __init__(self, kind: ContentType, slug: str, record: Schema, source: frontmatter.Source, catalog):
        super().__init__(record, catalog, ("item", kind.name, slug))
        self.dep_key = self.owner_key  # how deps names this item
        self.type = kind
        self.slug = slug
        self.source = source
        self.schema = type(record)
        self.url = kind.url_for(slug)
        self._html = ""
        self.backlinks = Backlinks(self.dep_key)

    @property
    def record(self) -> Schema:
        deps.read(self.dep_key)
        return self._record

    @property
    def html(self):
        """The page's main text, rendered from Markdown."""
        deps.read(("html", self.type.name, self.slug))
        return self._html

    @html.setter
    def html(self, value) -> None:
        self._html = value

    def __repr__(self) -> str:
        return f"<{self.type.name} {self.slug}>"


class Backlinks(defaultdict):
    """The items of each type that refer to an item; a page that lists them depends on them."""

    def __init__(self, key: tuple):
        super().__init__(list)
        self.key = key

    def __getitem__(self, type_name: str) -> list:
        deps.read(("backlinks", *self.key[1:], type_name))
        return super().__getitem__(type_name)

    def get(self, type_name: str, default=None):
        deps.read(("backlinks", *self.key[1:], type_name))
        return super().get(type_name, default)

    def values(self):
        deps.read(("backlinks", *self.key[1:], "*"))
        return super().values()


@dataclass(frozen=True)
class Rejected:
    """A readable file with errors: its body and URL are still known to the checks."""

    source: frontmatter.Source
    url: str


@dataclass
class Catalog:
    """All items of the site, by content type and slug, and the files they may offer."""

    items: dict[str, dict[str, Item]] = field(default_factory=lambda: defaultdict(dict))
    invalid: list[Rejected] = field(default_factory=list)
    # URL -> why an existing file is not on this site (draft, date in the future).
    hidden: dict[str, str] = field(default_factory=dict)
    # URL -> the day an item dated in the future appears (production only).
    embargoed: dict[str, date] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)
    refused_uploads: set[str] = field(default_factory=set)  # files with an error of their own

    def get(self, type_name: str, slug: str) -> Item:
        return self.items[type_name][slug]

    def all(self, type_name: str) -> list[Item]:
        deps.read(("items", type_name))
        return list(self.items[type_name].values())

    def __iter__(self):
        for type_name, by_slug in self.items.items():
            deps.read(("items", type_name))
            yield from by_slug.values()


@dataclass(frozen=True)
class LoadOptions:
    include_drafts: bool = False
    allow_examples: bool = False
    registration_hosts: tuple[str, ...] = ()
    link_hosts: tuple[str, ...] = ()
    now: datetime | None = None

    @classmethod
    def from_settings(cls, settings: dict, now: datetime | None = None) -> LoadOptions:
        """Fails closed: a settings file that forgets a setting publishes less, never more."""
        return cls(
            include_drafts=settings.get("WERKPLAATSEN_CONCEPTEN_TONEN") is True,
            allow_examples=settings.get("WERKPLAATSEN_VOORBEELDEN_TOESTAAN") is True,
            registration_hosts=tuple(settings.get("WERKPLAATSEN_AANMELD_HOSTS", ())),
            link_hosts=tuple(settings.get("WERKPLAATSEN_LINK_HOSTS", ())),
            now=now,
        )

    @property
    def hosts(self) -> dict[str, tuple[str, ...]]:
        """The websites each kind of URL field may point to (see ``fields.Hosts``)."""
        return {"aanmelden": self.registration_hosts,
                "links": tuple(dict.fromkeys(self.link_hosts + self.registration_hosts))}

    def why_hidden(self, kind: ContentType, record: Schema) -> str | None:
        """Drafts, and items dated in the future, appear only in the preview."""
        if self.include_drafts:
            return None
        if record.status == "concept":
            return "is nog een concept"
        embargo = embargo_ends(kind, record)
        if embargo and self.now and embargo > self.now:
            return f"verschijnt pas op {dutch.moment(embargo)}"
        return None


def collect(content: Path, vocabulary: dict, options: LoadOptions,
            reads: dict | None = None) -> tuple[Catalog, list[ContentError]]:
    """Read, validate and link the whole content tree, gathering every problem.

    reads: the last reading of each file with the bytes it was read from (the preview keeps one; an
    unchanged file is not parsed and validated again, and the cache holds one reading per file).
    """
    catalog = Catalog()
    errors: list[ContentError] = []
    known: dict[str, set[str]] = defaultdict(set)
    hidden: dict[str, set[str]] = defaultdict(set)
    raw_references: list[tuple[frontmatter.Source, FieldPath, str, str]] = []
    context = {"vocabulary": vocabulary, "hosts": options.hosts}
    taken = reserved_urls()
    catalog.uploads, problems = scan(content / FILES_FOLDER)
    catalog.refused_uploads = {error.file.removeprefix(FILES_PATH) for error in problems}
    errors += problems
    for path, problem in sorted(_content_files(content), key=lambda found: found[0].as_posix()):
        relative = path.relative_to(content.parent).as_posix()
        if problem:
            errors.append(ContentError(relative, 0, (), problem))
            continue
        kind = BY_FOLDER[path.relative_to(content).parts[0]]
        known[kind.name].add(path.stem)
        raw = path.read_bytes()
        cached = reads.get(relative) if reads is not None else None
        if cached and cached[0] == raw:  # the preview keeps the last reading of each file
            source, record, problems = cached[1]
        else:
            source, record, problems = _read_item(raw, relative, kind, context)
            if reads is not None:
                reads[relative] = (raw, (source, record, tuple(problems)))
        problems = list(problems)
        errors += problems
        url = kind.url_for(path.stem)
        if record is None:
            if source is not None:
                catalog.invalid.append(Rejected(source, url))
                raw_references += [(source, *ref) for ref in raw_reference_list(kind.schema, source.data)]
            continue
        reason = options.why_hidden(kind, record)
        if reason:
            catalog.hidden[url] = f"content/{kind.folder}/{path.stem}.md {reason}"
            hidden[kind.name].add(path.stem)
            if record.status != "concept" and kind.embargo:
                catalog.embargoed[url] = getattr(record, kind.embargo)
            continue
        if url in taken:
            message = f"dit bestand krijgt hetzelfde adres {url} als {taken[url]}. Geef het een andere bestandsnaam."
            errors.append(ContentError(relative, 1, (), message))
            continue
        taken[url] = relative
        catalog.items[kind.name][path.stem] = Item(kind, path.stem, record, source, catalog)
    # Slugs of files that exist but have errors of their own: references to them are not reported.
    broken = {name: known[name] - hidden[name] - set(catalog.items[name]) for name in known}
    errors += _link(catalog, options, broken)
    errors += [_unknown_reference(catalog, source, where, target, slug)
               for source, where, target, slug in raw_references
               if slug not in catalog.items[target] and slug not in broken.get(target, ())]
    return catalog, errors


def _content_files(content: Path):
    """(path, problem) for every file under content/ but the downloads; problem is None if it may be read."""
    allowed = ", ".join(f"content/{folder}/" for folder in sorted(BY_FOLDER))
    misplaced = (
        "dit bestand staat niet in een map voor inhoud. Zet een .md-bestand in een van deze mappen: "
        f"{allowed}; bestanden om te downloaden horen in {FILES_PATH}."
    )
    for folder, directories, names in os.walk(content):
        here = Path(folder)
        if here == content:
            directories[:] = [d for d in directories if d != FILES_FOLDER]
        for name in sorted(directories):
            if (here / name).is_symlink():
                yield here / name, "deze map is een snelkoppeling (symlink). Dat mag niet: zet de bestanden zelf hier."
        directories[:] = sorted(d for d in directories if not (here / d).is_symlink() and not d.startswith("."))
        for name in sorted(names):
            path = here / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                yield path, "dit bestand is een snelkoppeling (symlink). Dat mag niet: zet het bestand zelf hier."
            elif here == content or path.suffix != ".md" or path.relative_to(content).parts[0] not in BY_FOLDER:
                yield path, misplaced
            else:
                yield path, None


def _read_item(raw: bytes, relative: str, kind: ContentType, context: dict):
    """One file to a record, or None with the reasons why not (and the source, if readable)."""
    source, problems = frontmatter.read(relative, raw)
    if source is None:
        return None, None, problems
    record, invalid = validate(source, kind.schema, context)
    problems += invalid
    stem = PurePosixPath(relative).stem
    if not SLUG_PATTERN.fullmatch(stem):
        problems.append(ContentError(relative, 1, (), (
            f'de bestandsnaam "{stem}" wordt het webadres en mag alleen kleine letters, cijfers en '
            "streepjes hebben, zoals sessie-2-wonen.md.")))
    if problems:
        return source, None, problems
    return source, record, []


def references(record: BaseModel):
    """Yield (field path, target kind, slug) for every reference in a record, nested ones too."""
    for path, nested in records(record):
        for name, info in type(nested).model_fields.items():
            reference = marker(info, RefTo)
            value = getattr(nested, name)
            if reference is None or value is None:
                continue
            if isinstance(value, list):
                for index, slug in enumerate(value):
                    yield (*path, name, index), reference.type_name, slug
            else:
                yield (*path, name), reference.type_name, value


def raw_reference_list(model: type[BaseModel], data, path: FieldPath = ()) -> list[tuple[FieldPath, str, str]]:
    """References in the raw front matter of a file that failed validation.

    Only well-formed slugs are returned: a malformed one already has its own error, and a
    reference inside a part that could not be read at all is a cascade, not a new problem.
    """
    found = []
    if not isinstance(data, dict):
        return found
    for name, info in model.model_fields.items():
        value = data.get(name)
        reference, nested = marker(info, RefTo), nested_model(info.annotation)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, element in values:
            where = (*path, name) if index is None else (*path, name, index)
            if reference and isinstance(element, str) and SLUG_PATTERN.fullmatch(element):
                found.append((where, reference.type_name, element))
            elif nested:
                found += raw_reference_list(nested, element, where)
    return found


def _missing_files(item: Item, catalog: Catalog) -> list[ContentError]:
    errors = []
    for path, nested in records(item.record):
        name = getattr(nested, "bestand", None)
        if name and name not in catalog.uploads and name not in catalog.refused_uploads:
            where = (*path, "bestand")
            message = (
                f'het bestand "{name}" bestaat niet. Zet het in {FILES_PATH} en schrijf '
                "het pad vanaf die map, zoals verslagen/ronde-2.pdf."
            )
            errors.append(ContentError(item.source.path, item.source.line_of(where), where, message))
    return errors


def _link(catalog: Catalog, options: LoadOptions, broken: dict) -> list[ContentError]:
    """Check references, examples, files and the rules that read other items; record backlinks.

    A reference to a file that has errors of its own is not reported again.
    """
    errors = []
    if not options.allow_examples:
        errors += _examples([item for item in catalog if item.record.voorbeeld])
    for item in catalog:
        for where, type_name, slug in references(item.record):
            target = catalog.items[type_name].get(slug)
            if target is None and slug not in broken.get(type_name, ()):
                errors.append(_unknown_reference(catalog, item.source, where, type_name, slug))
            elif target is not None and item not in target.backlinks[item.type.name]:
                target.backlinks[item.type.name].append(item)
        errors += _missing_files(item, catalog)
        errors += [ContentError(item.source.path, item.source.line_of(where), where, message)
                   for where, message in linked_problems(item)]
    return errors


# How to publish example content anyway (a demo site); publishconf.py reads exactly this.
EXAMPLES_ALLOWED = "WERKPLAATSEN_VOORBEELDEN_TOESTAAN=ja make publish"


def _examples(items: list[Item]) -> list[ContentError]:
    """One message for all example content, listing its files: a demo checkout has dozens of them."""
    if not items:
        return []
    places = [f"  - {item.source.path}, regel {item.source.line_of(('voorbeeld',))}"
              for item in sorted(items, key=lambda item: item.source.path)]
    message = "\n".join([
        f"Voorbeeldinhoud (voorbeeld: ja) gaat niet naar de echte site. Dit geldt voor "
        f"{dutch.count(len(items), 'bestand', 'bestanden')}:",
        *places,
        "  Vervang de voorbeeldinhoud door echte inhoud. Is de inhoud echt? Haal dan de regel voorbeeld: ja "
        "weg. Wilt u een site met de voorbeelden erin, zoals een demosite? Maak hem dan met dit commando: "
        f"{EXAMPLES_ALLOWED}",
    ])
    return [ContentError("", 0, (), message)]


def _unknown_reference(catalog: Catalog, source, where: FieldPath, type_name: str, slug: str) -> ContentError:
    target = BY_NAME[type_name]
    hidden = catalog.hidden.get(target.url_for(slug))
    if hidden:
        message = f"{hidden} en staat dus niet op de site. Publiceer het eerst, of haal de verwijzing weg."
    else:
        message = (
            f'er is geen {type_name} met de korte naam "{slug}": het bestand content/{target.folder}/{slug}.md '
            f"bestaat niet.{suggestion(slug, catalog.items[type_name])}"
        )
    return ContentError(source.path, source.line_of(where), where, message)
