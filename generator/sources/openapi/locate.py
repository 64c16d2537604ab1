"""Line numbers for JSON pointers in a block-style YAML file, without parsing it again.

One pass over the lines keeps the path of keys (and sequence indices) that leads to each line,
skipping block scalars (``|``, ``>``) and flow collections, and every line below a key that no
wanted pointer goes through (most of a big spec); the first line whose path equals a wanted
pointer is its line. Good enough for the specs people write by hand and the ones tools
emit; a pointer it cannot find (JSON files, flow style, keys spelled oddly) has no line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.compare.diff import Finding

_KEY = re.compile(
    r"""^(?P<indent>[ ]*)
    (?P<dashes>(?:-[ ]+)*)
    (?:
        (?P<q>["'])(?P<qkey>.*?)(?P=q)          # a quoted key
      | (?P<key>[^\s#'"\-{\[][^:#]*?|-[^\s:#][^:#]*?)  # a plain key
    )
    [ ]*:(?:[ ]+(?P<value>.*))?$""",
    re.VERBOSE,
)
_ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<dashes>(?:-(?:[ ]+|$))+)(?P<value>.*)$")


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def _is_block_scalar(value: str | None) -> bool:
    return value is not None and re.match(r"^[|>][0-9+-]*\s*(#.*)?$", value) is not None


def locate(text: str, pointers: Iterable[str]) -> dict[str, int]:
    """``pointer -> 1-based line`` for the wanted pointers found in ``text``."""
    wanted = set(pointers)
    found: dict[str, int] = {}
    if not wanted:
        return found
    # every pointer a wanted one goes through: below any other, no line is wanted
    through = {p[:i] for p in wanted for i in range(1, len(p) + 1) if i == len(p) or p[i] == "/"}
    # the path to the current line as (column, segment); one item counter per sequence
    stack: list[tuple[int, str]] = []
    counters: dict[tuple[str, int], int] = {}
    skip_deeper_than: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper_than is not None:
            if indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        match = _KEY.match(line)
        item = None if match else _ITEM.match(line)
        if match is None and item is None:
            continue
        groups = (match or item).groupdict()  # type: ignore[union-attr]
        dashes = groups["dashes"] or ""
        column = indent
        # each "- " opens a sequence item one level deeper
        for dash in re.finditer(r"-[ ]*", dashes):
            while stack and stack[-1][0] >= column:
                stack.pop()
            parent = "/".join(s for _, s in stack)
            key = (parent, column)
            index = counters.get(key, -1) + 1
            counters[key] = index
            stack.append((column, str(index)))
            if not _record(stack, number, wanted, found, through):
                skip_deeper_than = column
                break
            column += len(dash.group(0))
        else:
            if match is not None:
                key_text = groups["qkey"] if groups["q"] else groups["key"]
                while stack and stack[-1][0] >= column:
                    stack.pop()
                stack.append((column, _escape(key_text.strip())))
                if not _record(stack, number, wanted, found, through):
                    skip_deeper_than = column
                elif _is_block_scalar(groups["value"]):
                    skip_deeper_than = column
        if len(found) == len(wanted):
            break
    return found


def _record(
    stack: list[tuple[int, str]],
    number: int,
    wanted: set[str],
    found: dict[str, int],
    through: set[str],
) -> bool:
    """Note the line of a wanted pointer; False when no wanted pointer goes through this one
    (its lines can be skipped)."""
    pointer = "/" + "/".join(s for _, s in stack)
    if pointer in wanted and pointer not in found:
        found[pointer] = number
    return pointer in through


def with_lines(findings: list[Finding], files: dict[str, Path]) -> list[Finding]:
    """``findings`` with the line of their pointer filled in, where the file is YAML and the
    pointer is found. ``files`` maps the file names findings carry to where to read them."""
    wanted: dict[str, set[str]] = {}
    for finding in findings:
        if finding.source.line is None and finding.source.pointer:
            wanted.setdefault(finding.source.file, set()).add(finding.source.pointer)
    lines: dict[tuple[str, str], int] = {}
    for name, pointers in wanted.items():
        path = files.get(name, Path(name))
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pointer, line in locate(text, pointers).items():
            lines[(name, pointer)] = line
    out: list[Finding] = []
    for finding in findings:
        found = lines.get((finding.source.file, finding.source.pointer))
        if found is not None and finding.source.line is None:
            finding = replace(finding, source=replace(finding.source, line=found))
        out.append(finding)
    return out
