"""The jobs of one ``modelgen generate``, from the command line and the configuration file.

- With a SOURCE on the command line (``KIND:PATH`` forcing its kind), the command line is the
  one job (``--lang`` and ``--out`` required); no configuration file is read.
- Without one, the configuration file (``--config FILE``, or the one :func:`config.find` finds
  from the working folder up) gives the jobs: all of them, or those ``--job`` names. Every flag
  given on the command line overrides its key in every job (``--out`` only when one job runs).
"""

from __future__ import annotations

import re

import argparse
from pathlib import Path

from generator import config
from generator.config import Job, Setting, Settings, convert, keys
from generator.errors import ModelgenError
from generator.ir import Source
from generator.sources import split_kind

# keys whose command-line destination is not the key's own ``dest``
_ARG_DEST = {"lang": "lang", "from": "kind"}
# keys the command line does not set as a value (SOURCE is positional, --job selects jobs)
_NOT_OVERRIDES = {"source", "name"}


def _flag(name: str) -> str:
    return keys()[name].flag


def overrides(args: argparse.Namespace) -> Settings:
    """The keys the command line sets, converted like the file's values (paths relative to
    the working folder)."""
    found: Settings = {}
    for name, key in keys().items():
        if name in _NOT_OVERRIDES:
            continue
        raw = getattr(args, _ARG_DEST.get(name, key.dest), None)
        if raw is None or raw is False or raw == []:
            continue
        if isinstance(raw, list):
            raw = ",".join(raw)  # a repeated flag (--include A --include B)
        if isinstance(raw, Path):
            raw = str(raw)
        if key.kind == "int" and isinstance(raw, str) and re.fullmatch(r"-?[0-9]+", raw):
            raw = int(raw)  # a number on the command line (``--line-length 100``)
        found[name] = Setting(convert(key, raw, None, Path()), None, raw)
    return found


def from_args(args: argparse.Namespace) -> tuple[list[Job], Path | None]:
    """The jobs to run, and the configuration file they came from (``None``: the command
    line)."""
    given = overrides(args)
    if args.source is not None:
        if args.job:
            raise ModelgenError("--job selects jobs of the configuration file: give no SOURCE")
        kind, source = split_kind(args.source)
        settings = {"source": Setting(Path(source)), **given}
        if kind is not None:  # KIND:PATH forces the kind over --from
            settings["from"] = Setting(kind)
        return [config.make_job(settings, None, _flag)], None
    path = args.config if args.config is not None else config.find(Path.cwd())
    if path is None:
        raise ModelgenError(
            "no SOURCE given, and no configuration found from this folder up"
            f" ({config.CONFIG_FILE}, or [tool.modelgen] in {config.PYPROJECT})"
        )
    found = config.read(Path(path))
    jobs = [
        config.make_job({**settings, **given}, where, lambda name: name, Path(path).resolve().parent)
        for settings, where in zip(found.jobs, found.job_sources, strict=True)
    ]
    if args.job:
        by_name = {job.name: job for job in jobs}
        unknown = [name for name in args.job if name not in by_name]
        if unknown:
            raise ModelgenError(
                f"--job {unknown[0]!r}: no such job (jobs: {', '.join(by_name)})",
                Source(str(path)),
            )
        jobs = [job for job in jobs if job.name in args.job]
    if "out" in given and len(jobs) > 1:
        raise ModelgenError(
            f"--out names one folder, but {len(jobs)} jobs run: choose one with --job"
        )
    return jobs, Path(path)
