"""The no-op fast path of ``modelgen generate`` (:mod:`generator.output.stamp`) for the jobs of
one run: when every job's output folder is known to hold what the job would write, the run
says what a full run would say (each job's summary, its warnings) without loading anything.

Each job is keyed on everything it is made of (the :class:`~generator.config.Job`: source,
languages, options, naming overrides, filters, templates folder) and on the files of its
templates folder; the stamps are written after a full run that wrote every folder.
``--no-cache`` and ``--verbose`` (which says what each job loads) always run in full.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import Job
from generator.ir import Diagnostic
from generator.output import stamp

if TYPE_CHECKING:  # imported only by a full run: the fast path loads no emitter, no Jinja
    from generator.build.run import Rendered


def job_key(job: Job) -> str:
    folders = (job.templates,) if job.templates is not None and job.templates.is_dir() else ()
    return stamp.run_key({"job": job}, folders)


def _display(job: Job, path: Path) -> str:
    """``path`` as the job's summary shows it (:func:`generator.build.run.display`, which
    this module does not import: it brings every emitter and Jinja with it)."""
    if job.base is not None:
        try:
            return path.relative_to(job.base).as_posix()
        except ValueError:
            return str(path)
    return str(path)


def replay(
    jobs: Sequence[Job],
    warn: Callable[[Diagnostic], None],
    summary: Callable[[str], None] | None,
    *,
    check: bool,
) -> int | None:
    """The run's exit code when every job is current (its warnings given to ``warn``, its
    summary lines to ``summary`` unless None), else None: the run must be done in full."""
    known = [stamp.current(job.out, job_key(job)) for job in jobs]
    found = [k for k in known if k is not None]
    if len(found) != len(jobs):
        return None
    for warning in found[0].warnings:  # every stamp holds the whole run's warnings
        warn(warning)
    lines: list[str] = []
    files = 0
    for job, one in zip(jobs, found, strict=True):
        files += one.generated
        shown = _display(job, job.out)
        if check:
            lines.append(f"{shown}: {one.generated} files: current{one.note}")
        else:
            lines.append(
                f"{shown}: {one.generated} files: 0 written, {one.generated} unchanged,"
                f" 0 deleted{one.note}"
            )
    if len(jobs) > 1:
        lines.append(
            f"{len(jobs)} jobs: current"
            if check
            else f"{len(jobs)} jobs: {files} files: 0 written, {files} unchanged, 0 deleted"
        )
    if summary is not None:
        for line in lines:
            summary(line)
    return 0


def record(
    rendered: Sequence[Rendered], inputs: Mapping[str, str | None], warnings: Sequence[Diagnostic]
) -> None:
    """After a full run that wrote every job's folder: stamp each (every input of the run
    counts for every job: a change to any of them is a full run)."""
    from generator.build.run import _models_note

    for one in rendered:
        job = one.job
        source = Path(job.source)
        stamp.record(job.out, job_key(job), source, inputs, one.files, warnings, _models_note(one))
