"""When and how the Python output is formatted with black.

The default templates lay every line out as black does at its default line length (88), so the
output is black-stable without running black (the fast path, :mod:`layout`). That promise
holds only at 88 and only for the built-in templates. So the output is formatted with black,
in-process (imported when needed, never a subprocess), when:

- the line length is not 88: ``--line-length N``, else the project's own setting (below);
- the templates are not the built-in ones (a custom template may put text anywhere);
- ``--formatter black`` asks for it. ``--formatter none`` never formats (the fast path at 88,
  whatever the project says); ``auto``, the default, decides as above.

The project's line length is found the way the project's own tools would find it for the output
folder: walking up from it, the nearest ``pyproject.toml`` with a ``[tool.black]`` table gives
black's ``line-length`` (black's own rule); failing that, the nearest ``pyproject.toml`` with a
``[tool.ruff]`` table (or a ``ruff.toml`` / ``.ruff.toml``) gives ruff's ``line-length``, unless
its ``exclude`` / ``extend-exclude`` patterns exclude the output folder (a project that keeps
generated code out of ruff's way does not ask for it to be formatted). The walk stops at the
repository root (a folder holding ``.git`` or ``.hg``), as black's does. Without an output
folder (the library API), nothing is looked up.

``generate --check`` formats the same way before comparing, so it compares like with like.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import ModelgenError
from generator.ir import Source
from generator.targets.python.layout import LINE_LENGTH

FORMATTERS = ("auto", "black", "none")
_RUFF_FILES = ("ruff.toml", ".ruff.toml")


@dataclass(frozen=True)
class Setting:
    """A line length and where it was set (for messages and the docs)."""

    line_length: int
    origin: str


def check_line_length(value: object, origin: str) -> int:
    """``value`` as a line length (an int, or a string of digits from the command line)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 20 <= value <= 1000:
        raise ModelgenError(f"{origin}: line length must be a whole number from 20 to 1000")
    return value


def check_formatter(value: str) -> str:
    if value not in FORMATTERS:
        raise ModelgenError(f"--formatter {value!r}: expected one of {', '.join(FORMATTERS)}")
    return value


def _read(path: Path) -> dict[str, Any] | None:
    """A TOML file's content; None when there is no such file."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError:
        return None
    except tomllib.TOMLDecodeError as error:
        raise ModelgenError(f"cannot read the line length: {error}", Source(str(path))) from None


def _excluded(folder: Path, root: Path, ruff: Mapping[str, Any]) -> bool:
    """Whether ruff's ``exclude`` / ``extend-exclude`` patterns (relative to ``root``, where the
    configuration is) cover ``folder``: a pattern without a slash matches any path segment, one
    with a slash the path from ``root`` or a leading part of it."""
    patterns = [
        p
        for key in ("exclude", "extend-exclude")
        for p in ruff.get(key, ()) or ()
        if isinstance(p, str)
    ]
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        return False
    prefixes = [PurePosixPath(*parts[: i + 1]).as_posix() for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.removeprefix("./").rstrip("/")
        if "/" not in pattern:
            if any(fnmatch.fnmatchcase(part, pattern) for part in parts):
                return True
        elif any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
            return True
    return False


def project_line_length(out: Path) -> Setting | None:
    """The line length the project holding the output folder ``out`` sets for black (or, failing
    that, for ruff); None when it sets none. ``out`` need not exist yet."""
    folder = out.absolute()
    ruff: Setting | None = None
    ruff_seen = False  # the nearest ruff configuration decides, even when it sets nothing
    for directory in (folder, *folder.parents):
        pyproject = directory / "pyproject.toml"
        tool = _tool(pyproject)
        black = tool.get("black")
        if isinstance(black, dict):
            where = f"{pyproject} [tool.black] line-length"
            if "line-length" not in black:
                return None
            return Setting(check_line_length(black["line-length"], where), where)
        if not ruff_seen:
            found = [(directory / n, _read(directory / n)) for n in _RUFF_FILES]
            if isinstance(tool.get("ruff"), dict):
                found.append((pyproject, tool["ruff"]))
            for path, table in found:
                if table is None:
                    continue
                ruff_seen = True
                if "line-length" in table and not _excluded(folder, directory, table):
                    where = f"{path} line-length"
                    ruff = Setting(check_line_length(table["line-length"], where), where)
                break
        if (directory / ".git").exists() or (directory / ".hg").is_dir():
            break
    return ruff


def _tool(pyproject: Path) -> dict[str, Any]:
    """The ``[tool]`` table of a ``pyproject.toml`` ({} when there is none)."""
    data = _read(pyproject) if pyproject.is_file() else None
    tool = (data or {}).get("tool")
    return tool if isinstance(tool, dict) else {}


def needs_black(formatter: str, line_length: int, custom_templates: bool) -> bool:
    if formatter == "none":
        return False
    return formatter == "black" or line_length != LINE_LENGTH or custom_templates


def format_files(files: Mapping[str, str], line_length: int) -> dict[str, str]:
    """``files`` with every ``.py`` file formatted by black at ``line_length``. Black is
    imported here, so that the fast path never pays for it. A template that renders invalid
    Python is an error naming the file."""
    import black
    from black.parsing import InvalidInput

    mode = black.Mode(line_length=line_length)
    result: dict[str, str] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            result[path] = text
            continue
        try:
            result[path] = black.format_str(text, mode=mode)
        except InvalidInput as error:
            raise ModelgenError(
                f"the rendered file is not valid Python, black cannot format it: {error}",
                Source(path),
            ) from None
    return result
