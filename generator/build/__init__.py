"""``modelgen generate``: the build step.

- :mod:`~generator.build.jobs`: the jobs to run, from the command line and the configuration
  file (:mod:`generator.config`), command-line flags overriding the file.
- :mod:`~generator.build.run`: load, select, rename, render and post-process every job, then
  check or write each output folder, with one summary line per job.
- :mod:`~generator.build.postprocess`: the hook between rendering and writing.
- :mod:`~generator.build.progress`: the status line on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import Diagnostic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of the build step beyond SOURCE, --lang, --out and the target options."""
    parser.add_argument(
        "--include",
        action="append",
        metavar="GLOBS",
        help="generate only the models these name globs match (comma-separated or repeated),"
        " and everything they reference",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="GLOBS", help="leave out the models these match"
    )
    parser.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="templates overriding the built-in ones of the same name (DIR/LANG/ first)",
    )
    parser.add_argument("--names", metavar="FILE", help="naming overrides (a TOML file)")
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="configuration file (default: modelgen.toml or pyproject.toml, from here up)",
    )
    parser.add_argument(
        "--job",
        action="append",
        metavar="NAME",
        help="run only this job of the configuration file (repeatable)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also say what each job loads, and every file written or deleted",
    )


def generate(args: argparse.Namespace, warn: Callable[[Diagnostic], None]) -> int:
    """Run ``modelgen generate`` as ``args`` asks; ``warn`` takes each warning (the command
    line prints them when the command ends, none with ``--quiet``). ``--quiet`` also leaves out
    the summaries and the progress line."""
    from generator.build import cached
    from generator.build.jobs import from_args

    if args.quiet and args.verbose:
        raise ModelgenError("--quiet and --verbose: give one of them")
    jobs, path = from_args(args)
    if not (args.no_cache or args.verbose):  # the no-op fast path (build/cached.py)
        known = cached.replay(jobs, warn, None if args.quiet else print, check=args.check)
        if known is not None:
            return known

    from generator.build.progress import Progress
    from generator.build.run import Output, check_jobs, collecting, render_jobs, write_jobs
    from generator.sources.reading import recording

    progress = Progress.for_stream(sys.stderr, quiet=args.quiet)
    output = Output(sys.stdout, sys.stderr, warn, progress, verbose=args.verbose, quiet=args.quiet)
    try:
        with recording() as inputs, collecting(output) as warnings:
            rendered = render_jobs(jobs, output, path.parent if path is not None else None)
            if args.check:
                return check_jobs(rendered, output, configured=path is not None)
            code = write_jobs(rendered, output, force=args.force)
        cached.record(rendered, inputs, warnings)
        return code
    finally:
        progress.close()
