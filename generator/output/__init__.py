"""Writing generated files: atomically, crash-safely, deterministically, one run at a time,
and never touching anything outside the output folder or anything modelgen did not write.

- :mod:`~generator.output.paths`: the rule every written or deleted path must pass.
- :mod:`~generator.output.folder`: file-system access that never follows a symlink; OS errors
  as one-line :class:`OutputError`.
- :mod:`~generator.output.manifest`: the list of files modelgen wrote (untrusted when read).
- :mod:`~generator.output.journal`: undoing or finishing an interrupted update.
- :mod:`~generator.output.lock`: one run at a time per folder.
- :mod:`~generator.output.writer`: :func:`write_tree` and :func:`check_tree`.
"""

from generator.output.folder import OutputError
from generator.output.paths import MANIFEST, validate_relpath
from generator.output.writer import (
    CheckResult,
    WriteResult,
    check_tree,
    read_manifest,
    write_tree,
)

__all__ = [
    "MANIFEST",
    "CheckResult",
    "OutputError",
    "WriteResult",
    "check_tree",
    "read_manifest",
    "validate_relpath",
    "write_tree",
]
