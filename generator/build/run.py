"""Running jobs: every job is loaded and rendered first, then each job's folder is checked or
written, so that an error in any job (a bad spec, a broken template, a rename that collides)
leaves every output folder untouched.

One job: load the source; refuse naming overrides that name nothing or collide
(:func:`generator.ir.rename.check_renames`); keep the models ``include``/``exclude`` choose,
closed over references (:func:`generator.ir.select.select`); then, per language, apply the
naming overrides (:func:`generator.ir.rename.rename`), emit with the user's templates in front
of the built-in ones, and pass the files through :func:`~generator.build.postprocess.after_render`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.build.postprocess import RenderContext, after_render
from generator.build.progress import Progress
from generator.config import Job
from generator.errors import ModelgenError, Warnings
from generator.ir import Diagnostic, ModelSet, Source
from generator.ir.check import check_references
from generator.ir.rename import check_renames, rename
from generator.ir.select import Selection, select
from generator.output import CheckResult, WriteResult, check_tree, write_tree
from generator.sources import LoadOptions, load
from generator.targets import emit, target
from generator.templating import SUFFIX, names, template_error

Warn = Callable[[Diagnostic], None]


# --- templates -------------------------------------------------------------------------------


def template_folders(templates: Path | None, language: str) -> tuple[Path, ...]:
    """The user's folders a language renders from, before its built-in one: ``DIR/<language>``
    when it exists, then ``DIR``."""
    if templates is None:
        return ()
    own = templates / language
    return (own, templates) if own.is_dir() else (templates,)


def _overridden(folders: Sequence[Path], language: str) -> list[str]:
    """The built-in templates of ``language`` a file in ``folders`` overrides."""
    builtin = target(language).template_folder()
    if builtin is None or not folders:
        return []
    return [name for name in names(builtin) if any((f / name).is_file() for f in folders)]


def _template_warnings(job: Job) -> list[Diagnostic]:
    """A templates folder that overrides nothing, and files named almost like a built-in
    template (``model.py.jinja``), are most likely mistakes: say so."""
    if job.templates is None:
        return []
    builtin: set[str] = set()
    overridden: set[str] = set()
    for language in job.languages:
        folder = target(language).template_folder()
        if folder is None:
            continue
        builtin.update(names(folder))
        overridden.update(_overridden(template_folders(job.templates, language), language))
    found: list[Diagnostic] = []
    if not overridden:
        found.append(
            Diagnostic(
                f"overrides no template of {', '.join(job.languages)}"
                " (see `modelgen templates LANG` for their names)",
                Source(str(job.templates)),
                "templates",
            )
        )
    folders = {f for language in job.languages for f in template_folders(job.templates, language)}
    for folder in sorted(folders):
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            if path.name in builtin:
                continue
            close = difflib.get_close_matches(path.name, sorted(builtin), n=1, cutoff=0.85)
            if close:
                found.append(
                    Diagnostic(
                        f"no built-in template is named {path.name!r} (did you mean"
                        f" {close[0]!r}?); it is used only where another template includes it",
                        Source(str(path)),
                        "templates",
                    )
                )
    return found


# --- rendering -------------------------------------------------------------------------------


def _emit(
    language: str, models: ModelSet, folders: tuple[Path, ...], options: Mapping[str, object]
) -> dict[str, str]:
    try:
        return emit(language, models, folders, **options).files
    except Exception as error:
        if folders:  # with the user's templates in play, a failing template is the user's
            found = template_error(error)
            if found is not None:
                raise found from error
        raise


def render_languages(
    models: ModelSet,
    languages: Sequence[str],
    options: Mapping[str, object],
    job: Job | None = None,
    project: Path | None = None,
    step: Callable[[str], None] | None = None,
) -> dict[str, str]:
    """All files for ``languages``: directly under the output folder for one language, under
    ``<language>/`` for several. ``options`` are the targets' option values by name; ``job``
    brings naming overrides and templates (checked beforehand: :func:`prepare`); ``step`` is
    told each language before it is rendered. ``models`` must refer to their own models only
    (:func:`check_references` repairs a set, as :func:`render_jobs` does)."""
    check_references(models)
    files: dict[str, str] = {}
    for language in languages:
        if step is not None:
            step(language)
        chosen = models
        folders: tuple[Path, ...] = ()
        if job is not None:
            renames = job.names.for_language(language)
            if renames:
                chosen = rename(models, renames)
            folders = template_folders(job.templates, language)
        given = dict(options)
        if job is not None:  # where a target looks up the project's own settings
            given["out"] = job.out / language if len(languages) > 1 else job.out
        rendered = _emit(language, chosen, folders, given)
        if job is not None:
            custom = bool(_overridden(folders, language))
            rendered = after_render(rendered, RenderContext(language, job, custom, project))
        prefix = f"{language}/" if len(languages) > 1 else ""
        files.update({prefix + rel: text for rel, text in rendered.items()})
    return files


# --- jobs ------------------------------------------------------------------------------------


def load_job(job: Job) -> ModelSet:
    options = LoadOptions(
        allow_external_refs=job.allow_external_refs,
        allow_remote_refs=job.allow_remote_refs,
        spec=job.spec,
        strict=job.strict,
    )
    return load(job.source, options, kind=job.kind)


def prepare(job: Job, models: ModelSet) -> Selection:
    """Check the job's naming overrides against the loaded models, and select the models the
    job generates."""
    for renames in job.names.all():
        if renames:
            check_renames(models, renames)
    return select(models, job.include, job.exclude)


@dataclass
class Rendered:
    job: Job
    files: dict[str, str]
    selection: Selection


def display(job: Job, path: Path) -> str:
    """A path as a job's summary shows it: relative to the configuration file's folder for a
    job of the file (wherever the run started), as given on the command line otherwise."""
    if job.base is not None:
        try:
            return path.relative_to(job.base).as_posix()
        except ValueError:
            return str(path)
    return str(path)


@dataclass
class Output:
    """Where a run reports: ``out`` the results (summaries, stale files), ``err`` progress and
    ``--verbose`` detail; ``warn`` takes each warning. ``--quiet`` keeps only what is out of
    date (and errors, which are raised)."""

    out: TextIO
    err: TextIO
    warn: Warn
    progress: Progress
    verbose: bool = False
    quiet: bool = False

    def detail(self, text: str) -> None:
        if self.verbose:
            self.progress.clear()
            print(f"modelgen: {text}", file=self.err)

    def summary(self, text: str) -> None:
        """A line saying how a job or the run went (left out with ``--quiet``)."""
        if not self.quiet:
            self.result(text)

    def result(self, text: str) -> None:
        self.progress.clear()
        print(text, file=self.out)


@contextlib.contextmanager
def collecting(output: Output) -> Iterator[list[Diagnostic]]:
    """The warnings given to ``output`` while the block runs (they are passed on too)."""
    found: list[Diagnostic] = []
    warn = output.warn

    def both(diagnostic: Diagnostic) -> None:
        found.append(diagnostic)
        warn(diagnostic)

    output.warn = both
    try:
        yield found
    finally:
        output.warn = warn


def _refuse_shared_folders(jobs: Sequence[Job]) -> None:
    seen: list[tuple[Path, Job]] = []
    for job in jobs:
        here = Path(os.path.abspath(job.out))
        for other_path, other in seen:
            if here == other_path or other_path in here.parents or here in other_path.parents:
                raise ModelgenError(
                    f"jobs {other.name!r} and {job.name!r} write to the same folder"
                    f" ({display(other, other.out)}, {display(job, job.out)})",
                    job.origin,
                )
        seen.append((here, job))


def render_jobs(jobs: Sequence[Job], output: Output, project: Path | None) -> list[Rendered]:
    _refuse_shared_folders(jobs)
    done: list[Rendered] = []
    for n, job in enumerate(jobs, 1):
        label = f"job {n}/{len(jobs)} ({job.name}): " if len(jobs) > 1 else ""
        output.progress.step(f"{label}loading {display(job, job.source)}")
        output.detail(
            f"{label}{display(job, job.source)} -> {display(job, job.out)} ({', '.join(job.languages)})"
        )
        # a reference to a model that is not there is degraded (an error with --strict)
        models = check_references(load_job(job), Warnings(strict=job.strict))
        for diagnostic in models.diagnostics:
            output.warn(diagnostic)
        for warning in _template_warnings(job):
            output.warn(warning)
        selection = prepare(job, models)
        for name in selection.needed:
            output.warn(
                Diagnostic(
                    f"model {name!r} matches an exclude pattern but is kept: a kept model"
                    " refers to it",
                    job.origin or Source(str(job.source)),
                    "excluded-but-needed",
                )
            )
        if not models.models:
            output.warn(
                Diagnostic(
                    "no schemas found: the generated code declares no models",
                    Source(str(job.source)),
                )
            )
        loaded = f"{selection.total} models loaded"
        if job.include or job.exclude:
            loaded += f", {len(selection.models.models)} kept"
        output.detail(f"{label}{loaded}")
        files = render_languages(
            selection.models,
            job.languages,
            job.options,
            job=job,
            project=project,
            step=lambda language: output.progress.step(f"{label}{loaded}; rendering {language}"),
        )
        output.detail(f"{label}{len(files)} files rendered")
        done.append(Rendered(job, files, selection))
    return done


# --- summaries -------------------------------------------------------------------------------


def _models_note(rendered: Rendered) -> str:
    job, selection = rendered.job, rendered.selection
    if not (job.include or job.exclude):
        return ""
    kept = len(selection.models.models)
    return (
        f"; {kept} of {selection.total} models"
        f" ({selection.dropped} left out by include/exclude)"
    )


def _write_summary(files: int, result: WriteResult) -> str:
    written, deleted = len(result.written), len(result.deleted)
    return f"{files} files: {written} written, {files - written} unchanged, {deleted} deleted"


def _check_summary(files: int, result: CheckResult) -> str:
    if result.clean:
        return f"{files} files: current"
    parts = [
        f"{len(result.stale)} stale",
        f"{len(result.missing)} missing",
        f"{len(result.extra)} extra",
    ]
    if result.leftover:
        parts.append(f"{len(result.leftover)} leftover")
    if result.interrupted:
        parts.append("an unfinished update")
    return f"{files} files: {', '.join(parts)}"


def write_jobs(rendered: Sequence[Rendered], output: Output, *, force: bool) -> int:
    totals = [0, 0, 0]  # files, written, deleted
    for one in rendered:
        job = one.job
        output.progress.step(f"writing {display(job, job.out)}")
        result = write_tree(job.out, one.files, force=force)
        for warning in result.warnings:
            output.warn(warning)
        if output.verbose:  # thousands of paths: shown only when asked for
            for rel in result.written:
                output.detail(f"written: {display(job, job.out / rel)}")
            for rel in result.deleted:
                output.detail(f"deleted: {display(job, job.out / rel)}")
        totals[0] += len(one.files)
        totals[1] += len(result.written)
        totals[2] += len(result.deleted)
        output.summary(
            f"{display(job, job.out)}: {_write_summary(len(one.files), result)}{_models_note(one)}"
        )
    if len(rendered) > 1:
        files, written, deleted = totals
        output.summary(
            f"{len(rendered)} jobs: {files} files: {written} written,"
            f" {files - written} unchanged, {deleted} deleted"
        )
    return 0


def check_jobs(rendered: Sequence[Rendered], output: Output, *, configured: bool) -> int:
    stale = 0
    for one in rendered:
        job = one.job
        output.progress.step(f"checking {display(job, job.out)}")
        result = check_tree(job.out, one.files)
        for warning in result.warnings:
            output.warn(warning)
        prefix = f"{display(job, job.out)}/" if len(rendered) > 1 else ""
        for line in result.lines():
            kind, _, rel = line.partition(": ")
            output.result(f"{kind}: {prefix}{rel}" if rel and prefix else line)
        output.summary(
            f"{display(job, job.out)}: {_check_summary(len(one.files), result)}{_models_note(one)}"
        )
        if not result.clean:
            stale += 1
            how = "`modelgen generate`" if configured else "without --check"
            output.progress.clear()
            print(f"{display(job, job.out)}: out of date; run {how} to update", file=output.err)
    if len(rendered) > 1:
        output.summary(
            f"{len(rendered)} jobs: {stale} out of date" if stale else f"{len(rendered)} jobs: current"
        )
    return 1 if stale else 0
