"""Content errors as editors read them: file, line, field, what is wrong and what is allowed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .dutch import count

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    field: FieldPath
    message: str

    def __str__(self) -> str:
        """'file, regel 3, veld "x": message'; a message about several files names them itself."""
        where = [self.file] if self.file else []
        if self.line:
            where.append(f"regel {self.line}")
        if self.field:
            where.append(f"veld {describe_field(self.field)}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ContentErrors(Exception):
    """Every problem found in one run, so editors fix them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report(f"Los {self.them} op; de site wordt gemaakt zodra alles klopt."))

    @property
    def them(self) -> str:
        """How a sentence refers to the problems: "het" for one, "ze" for several."""
        return "het" if len(self.errors) == 1 else "ze"

    def report(self, consequence: str) -> str:
        heading = count(len(self.errors), "probleem", "problemen")
        lines = [f"De inhoud heeft {heading}. {consequence}", ""]
        lines += [f"- {error}" for error in self.errors]
        return "\n".join(lines)


def describe_field(path: FieldPath) -> str:
    """`("agenda", 1, "spreker")` becomes `"spreker" (agenda, onderdeel 2)`."""
    last = max((i for i, part in enumerate(path) if isinstance(part, str)), default=0)
    context = [
        f"onderdeel {part + 1}" if isinstance(part, int) else part
        for i, part in enumerate(path)
        if i != last
    ]
    name = f'"{path[last]}"'
    return f"{name} ({', '.join(context)})" if context else name


def suggestion(value: str, options) -> str:
    """A Dutch 'did you mean' hint, or an empty string."""
    match = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f' Bedoelt u "{match[0]}"?' if match else ""


def allowed_list(options) -> str:
    return ", ".join(sorted(options))
