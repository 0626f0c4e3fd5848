"""Load every content file, validate it, and link the items to each other in both directions.

References are stored as slugs in the schemas (marked with ``RefTo``); ``Item`` resolves them
to items on attribute access, and ``collect`` checks them and records the backlinks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from . import frontmatter
from .errors import ContentError, FieldPath, suggestion
from .fields import SLUG_PATTERN, RefTo, marker
from .schemas import CONTENT_TYPES, Schema
from .validation import validate

FILES_FOLDER = "bestanden"


class View:
    """Read access to a validated record, with references resolved to items."""

    def __init__(self, record: BaseModel, catalog: Catalog):
        self._record = record
        self._catalog = catalog

    def __getattr__(self, name: str):
        record = self.__dict__["_record"]
        if name not in type(record).model_fields:
            raise AttributeError(name)
        return self._resolve(getattr(record, name), _target(type(record), name))

    def _resolve(self, value, target: str | None):
        if isinstance(value, list):
            return [self._resolve(v, target) for v in value]
        if target and value is not None:
            return self._catalog.get(target, value)
        if isinstance(value, BaseModel):
            return View(value, self._catalog)
        return value


@cache
def _target(model: type[BaseModel], name: str) -> str | None:
    """The content type a field refers to, if it is a reference (asked on every page render)."""
    reference = marker(model.model_fields[name], RefTo)
    return reference.kind if reference else None


class Item(View):
    """One content file: its record, where it came from, its URL and its backlinks."""

    def __init__(self, kind: str, slug: str, record: Schema, source: frontmatter.Source, catalog):
        super().__init__(record, catalog)
        self.kind = kind
        self.slug = slug
        self.source = source
        self.schema = type(record)
        self.url = "/" + self.schema.url_for(slug)
        self.html = ""
        self.backlinks: dict[str, list[Item]] = defaultdict(list)

    @property
    def record(self) -> Schema:
        return self._record

    def __repr__(self) -> str:
        return f"<{self.kind} {self.slug}>"


@dataclass(frozen=True)
class Rejected:
    """A readable file with errors: its body and URL are still known to the checks."""

    source: frontmatter.Source
    url: str


@dataclass
class Catalog:
    """All items of the site, by content type and slug."""

    items: dict[str, dict[str, Item]] = field(default_factory=lambda: defaultdict(dict))
    invalid: list[Rejected] = field(default_factory=list)

    def get(self, kind: str, slug: str) -> Item:
        return self.items[kind][slug]

    def all(self, kind: str) -> list[Item]:
        return list(self.items[kind].values())

    def __iter__(self):
        for by_slug in self.items.values():
            yield from by_slug.values()


@dataclass(frozen=True)
class LoadOptions:
    include_drafts: bool = False
    allow_examples: bool = True
    registration_hosts: tuple[str, ...] = ()
    link_hosts: tuple[str, ...] = ()
    now: datetime | None = None

    @classmethod
    def from_settings(cls, settings: dict, now: datetime | None = None) -> LoadOptions:
        return cls(
            include_drafts=settings.get("WERKPLAATSEN_CONCEPTEN_TONEN", False),
            allow_examples=settings.get("WERKPLAATSEN_VOORBEELDEN_TOESTAAN", True),
            registration_hosts=tuple(settings.get("WERKPLAATSEN_AANMELD_HOSTS", ())),
            link_hosts=tuple(settings.get("WERKPLAATSEN_LINK_HOSTS", ())),
            now=now,
        )

    def publishes(self, record: Schema) -> bool:
        """Drafts, and reports dated in the future, appear only in the preview."""
        if self.include_drafts:
            return True
        if record.status == "concept":
            return False
        published = getattr(record, "datum", None)
        return not (published and self.now and published > self.now.date())


# URLs the site itself uses, which no content file may take.
RESERVED_URLS = {
    "/programma/": "het programma",
    "/lessen/": "de lessen",
    "/themas/": "de thema's",
    "/bestanden/": "de downloads",
    "/theme/": "de vormgeving",
    **{f"/{schema.folder}/": f"de lijst {schema.plural.lower()}" for schema in CONTENT_TYPES.values()},
}


def collect(content: Path, vocabulary: dict, options: LoadOptions) -> tuple[Catalog, list[ContentError]]:
    """Read, validate and link the whole content tree, gathering every problem."""
    catalog = Catalog()
    errors: list[ContentError] = []
    known: dict[str, set[str]] = defaultdict(set)
    unpublished: dict[str, set[str]] = defaultdict(set)
    folders = {schema.folder: (kind, schema) for kind, schema in CONTENT_TYPES.items()}
    taken = dict(RESERVED_URLS)
    for path in sorted(content.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(content.parent).as_posix()
        top = path.relative_to(content).parts[0]
        if top == FILES_FOLDER:
            continue
        if top not in folders or path.suffix != ".md" or path.parent == content:
            errors.append(_misplaced(relative, folders))
            continue
        kind, schema = folders[top]
        known[kind].add(path.stem)
        item, source, problems = _read_item(path, relative, kind, schema, vocabulary, catalog)
        errors += problems
        if item is None:
            if source is not None:
                catalog.invalid.append(Rejected(source, "/" + schema.url_for(path.stem)))
            continue
        if not options.publishes(item.record):
            unpublished[kind].add(item.slug)
            continue
        if item.url in taken:
            message = f"dit bestand krijgt hetzelfde adres {item.url} als {taken[item.url]}."
            errors.append(ContentError(relative, 1, (), message + " Geef het een andere bestandsnaam."))
            continue
        taken[item.url] = relative
        catalog.items[kind][item.slug] = item
    broken = {kind: known[kind] - unpublished[kind] - set(catalog.items[kind]) for kind in known}
    errors += _link(catalog, options, content / FILES_FOLDER, broken, unpublished)
    return catalog, errors


def _read_item(path: Path, relative: str, kind: str, schema, vocabulary, catalog):
    """One file to an item, or None with the reasons why not (and the source, if readable)."""
    source, problems = frontmatter.read(relative, path.read_bytes())
    if source is None:
        return None, None, problems
    record, invalid = validate(source, schema, vocabulary)
    problems += invalid
    slug_problem = _slug_problem(path.stem)
    if slug_problem:
        problems.append(ContentError(relative, 1, (), slug_problem))
    if problems:
        return None, source, problems
    return Item(kind, path.stem, record, source, catalog), source, []


def _misplaced(relative: str, folders: dict) -> ContentError:
    allowed = ", ".join(f"content/{folder}/" for folder in sorted(folders))
    message = (
        "dit bestand staat niet in een map voor inhoud. Zet een .md-bestand in een van deze "
        f"mappen: {allowed}; bestanden om te downloaden horen in content/{FILES_FOLDER}/."
    )
    return ContentError(relative, 0, (), message)


def _slug_problem(stem: str) -> str | None:
    if SLUG_PATTERN.fullmatch(stem):
        return None
    return (
        f'de bestandsnaam "{stem}" wordt het webadres en mag alleen kleine letters, cijfers en '
        "streepjes hebben, zoals sessie-2-wonen.md."
    )


def records(record: BaseModel, path: FieldPath = ()):
    """Yield (field path, record) for a record and every record nested in it."""
    yield path, record
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            yield from records(value, (*path, name))
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from records(element, (*path, name, index))


def references(record: BaseModel):
    """Yield (field path, target kind, slug) for every reference in a record, nested ones too."""
    for path, nested in records(record):
        for name, info in type(nested).model_fields.items():
            reference = marker(info, RefTo)
            value = getattr(nested, name)
            if reference is None or value is None:
                continue
            target = reference.kind
            if isinstance(value, list):
                for index, slug in enumerate(value):
                    yield (*path, name, index), target, slug
            else:
                yield (*path, name), target, value


def _missing_files(item: Item, files: Path) -> list[ContentError]:
    errors = []
    for path, nested in records(item.record):
        name = getattr(nested, "bestand", None)
        target = (files / name).resolve() if name else None
        if target and not (target.is_relative_to(files.resolve()) and target.is_file()):
            where = (*path, "bestand")
            message = (
                f'het bestand "{name}" bestaat niet. Zet het in content/{FILES_FOLDER}/ en schrijf '
                "het pad vanaf die map, zoals verslagen/ronde-2.pdf."
            )
            errors.append(ContentError(item.source.path, item.source.line_of(where), where, message))
    return errors


def _link(catalog: Catalog, options: LoadOptions, files: Path, broken: dict, unpublished: dict) -> list[ContentError]:
    """Check references, hosts and files; record backlinks.

    A reference to a file that has errors of its own is not reported again.
    """
    errors = []
    for item in catalog:
        if item.record.voorbeeld and not options.allow_examples:
            message = (
                "dit is voorbeeldinhoud (voorbeeld: ja) en gaat niet naar de echte site. Vervang "
                "het door echte inhoud, of zet WERKPLAATSEN_VOORBEELDEN_TOESTAAN = True."
            )
            errors.append(ContentError(item.source.path, item.source.line_of(("voorbeeld",)), ("voorbeeld",), message))
        for where, kind, slug in references(item.record):
            target = catalog.items[kind].get(slug)
            if target is None and slug not in broken.get(kind, ()):
                errors.append(_unknown(item, where, kind, slug, catalog, slug in unpublished[kind]))
            elif target is not None and item not in target.backlinks[item.kind]:
                target.backlinks[item.kind].append(item)
        errors += _registration_hosts(item, options)
        errors += _missing_files(item, files)
    return errors


def _unknown(item: Item, where: FieldPath, kind: str, slug: str, catalog: Catalog, unpublished: bool) -> ContentError:
    folder = CONTENT_TYPES[kind].folder
    if unpublished:
        message = (
            f"content/{folder}/{slug}.md is nog niet gepubliceerd (concept of een datum in de "
            "toekomst). Publiceer het eerst, of haal de verwijzing weg."
        )
        return ContentError(item.source.path, item.source.line_of(where), where, message)
    message = (
        f'er is geen {kind} met de korte naam "{slug}" (geen gepubliceerd bestand '
        f"content/{folder}/{slug}.md).{suggestion(slug, catalog.items[kind])}"
    )
    return ContentError(item.source.path, item.source.line_of(where), where, message)


def _registration_hosts(item: Item, options: LoadOptions) -> list[ContentError]:
    registration = getattr(item.record, "aanmelding", None)
    if registration is None:
        return []
    errors = []
    for name in ("url", "wachtlijst"):
        url = getattr(registration, name)
        if url and urlsplit(url).hostname not in options.registration_hosts:
            where = ("aanmelding", name)
            message = (
                f"{url} staat niet op een toegestane website voor aanmelden. Toegestaan: "
                f"{', '.join(options.registration_hosts)}."
            )
            errors.append(ContentError(item.source.path, item.source.line_of(where), where, message))
    return errors
