"""One markdown doc being read: its lines, where it is, where its warnings go, and what every
part of it shares (the table header, the model description above a table or section)."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.errors import Warnings
from generator.ir import Source
from generator.sources.markdown.dialects import Dialect

HEADER = re.compile(r"^\s*\|?\s*Name\s*\|\s*Type\s*(?:\|\s*Description\s*\|\s*Notes\s*)?\|?\s*$")
RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
# Characters that make a name look right while being something else.
SUSPICIOUS = re.compile(r"[\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\t]")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


class Doc:
    """Reading one doc: its lines, where it is, and where its warnings go."""

    def __init__(self, text: str, file: str, warnings: Warnings) -> None:
        lines = text.split("\n")
        self.lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        self.file = file
        self.warnings = warnings
        self.found = len(warnings.items)

    def at(self, index: int) -> Source:
        return Source(self.file, line=index + 1)

    def find(self, start: int, test: Callable[[str], bool]) -> int | None:
        for i in range(start, len(self.lines)):
            if test(self.lines[i]):
                return i
        return None


def heading_line(doc: Doc) -> int:
    found = doc.find(0, lambda line: bool(line.strip()))
    return found if found is not None else 0


def description(doc: Doc, start: int, end: int, dialect: Dialect) -> str | None:
    """Text between the heading and the table or section (Python docs print the model
    description there); fenced code, sub-headings and Micronaut's "The class is defined in"
    line are not part of it."""
    kept: list[str] = []
    in_fence = False
    for line in doc.lines[start:end]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence or stripped.startswith("#") or stripped.startswith("The class is defined in"):
            continue
        kept.append(line)
    text = "\n".join(kept).strip()
    return dialect.read_text(text) if text else None


def clip(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")
