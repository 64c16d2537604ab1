"""``modelgen``: the command line.

Exit codes: 0 success; 1 "found something" (``--check`` not current, parity drift, diff
findings at ``--fail-on``); 2 a user or environment error (bad input, an OS error reading or
writing): one line on stderr, never a traceback; 3 a bug in modelgen: a short "internal error"
line, and the traceback with ``--debug``."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from generator import __version__
from generator.build import add_arguments as add_build_arguments
from generator.errors import ModelgenError
from generator.ir import Diagnostic, ModelSet
from generator.sources import LoadOptions, kinds, load, split_kind
from generator.targets import (
    TARGETS,
    Emitted,
    default_languages,
    emit,
    listing,
    option_flags,
    parse_languages,
)


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="kind",
        choices=sorted(kinds()),
        help="input kind of every source (default: detected from each path); one source's own"
        " kind is given as KIND:PATH (python-sdk:src/openai/types)",
    )
    parser.add_argument(
        "--spec", type=Path, help="with markdown docs: a spec that fills what the docs cannot say"
    )
    parser.add_argument(
        "--allow-external-refs",
        action="store_true",
        help="follow $ref to files outside the spec's folder tree",
    )
    parser.add_argument(
        "--allow-remote-refs", action="store_true", help="follow $ref to http(s) URLs"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a problem confined to one place of the input is an error (exit 2), not a warning",
    )
    parser.add_argument("--quiet", action="store_true", help="print no warnings")


def load_options(args: argparse.Namespace) -> LoadOptions:
    return LoadOptions(
        allow_external_refs=args.allow_external_refs,
        allow_remote_refs=args.allow_remote_refs,
        spec=args.spec,
        strict=args.strict,
    )


# Warnings of one rule shown before the rest are counted in one line.
SHOWN_PER_CODE = 5


class Report:
    """The warnings of one command, printed to stderr when it ends (``flush``): each as
    ``warning: FILE:LINE#POINTER: CODE: MESSAGE``, at most :data:`SHOWN_PER_CODE` per code and
    one line counting the rest of that code, then ``N warnings``. ``quiet`` prints nothing."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.items: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def flush(self) -> None:
        items, self.items = self.items, []
        if self.quiet or not items:
            return
        shown: dict[str, int] = {}
        for diagnostic in items:
            count = shown.get(diagnostic.code, 0)
            shown[diagnostic.code] = count + 1
            if count < SHOWN_PER_CODE:
                print(f"warning: {diagnostic}", file=sys.stderr)
        for code, count in shown.items():
            if count > SHOWN_PER_CODE:
                more = count - SHOWN_PER_CODE
                print(f"warning: ... and {more} more {code} warnings", file=sys.stderr)
        print(f"{len(items)} warning{'s' if len(items) != 1 else ''}", file=sys.stderr)


def report(args: argparse.Namespace) -> Report:
    found: Report | None = getattr(args, "report", None)
    if found is None:
        found = Report(quiet=getattr(args, "quiet", False))
        args.report = found
    return found


def load_source(path: Path, args: argparse.Namespace, kind: str | None = None) -> ModelSet:
    """Load one source: its own kind (``KIND:PATH``) if given, else ``--from``, else the
    kind detected."""
    models = load(path, load_options(args), kind=kind or args.kind)
    for diagnostic in models.diagnostics:
        report(args).add(diagnostic)
    return models


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Loading, emitting and comparing build millions of small objects and almost no cycles:
    the cyclic collector would only rescan them (it doubles the load time of a 3 MB spec).
    Afterwards it is as it was: on in a program that calls :func:`main`, still off in the
    ``modelgen`` process (:func:`run`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.build import generate

    with no_cyclic_gc():
        return generate(args, report(args).add)


def cmd_parity(args: argparse.Namespace) -> int:
    from generator.compare import parity, parity_report

    if len(args.sources) < 2:
        raise ModelgenError("parity needs at least two sources")
    rules = parity_report.load_ignores(args.ignore) if args.ignore else []
    pinned = parity_report.load_map(args.map) if args.map else []
    sources = [split_kind(argument) for argument in args.sources]
    with no_cyclic_gc():
        sets = [load_source(Path(path), args, kind) for kind, path in sources]
        labels = parity.source_labels([path for _, path in sources])
        report = parity.compare(sets, labels, pinned)
    report, used = parity.apply_ignores(report, rules)
    renderers = {
        "text": parity_report.render_text,
        "markdown": parity_report.render_markdown,
        "json": parity_report.render_json,
        "html": parity_report.render_html,
    }
    text = renderers[args.format](report, rules, used)
    if args.output is not None:
        parity_report.write_report(args.output, text)
    else:
        sys.stdout.write(text)
    return 0 if report.in_parity else 1


def cmd_diff(args: argparse.Namespace) -> int:
    """Schema diff review: load both versions (a ``REV:path`` is read from git), compare the
    IRs, add code verdicts from the emitters, print one report, exit 1 per ``--fail-on``."""
    import os

    from generator.compare.diff import compare
    from generator.compare.diff_report import Review, load_warnings, render
    from generator.compare.revisions import at_revision, load_version
    from generator.compare.surface import apply, surface
    from generator.sources.openapi.locate import with_lines

    if args.base is not None:
        if args.new is not None:
            raise ModelgenError("with --base, give one path (compared against its --base version)")
        kind, path = split_kind(args.old)
        versions = [(kind, at_revision(args.base, path)), (kind, path)]
        sources = [at_revision(args.base, path), path]
    elif args.new is not None:
        sources = [args.old, args.new]
        versions = [split_kind(args.old), split_kind(args.new)]
    else:
        raise ModelgenError("give OLD and NEW, or one path with --base REV")
    sides: list[ModelSet] = []
    checkouts: dict[str, Path] = {}  # file name shown -> where to read it now
    with no_cyclic_gc(), contextlib.ExitStack() as stack:
        for kind, argument in versions:

            def loader(path: Path, kind: str | None = kind) -> ModelSet:
                return load_source(path, args, kind)

            models, files = load_version(argument, loader, stack)
            checkouts.update(files)
            sides.append(models)
        old, new = sides
        findings = compare(old, new)
        languages = parse_languages(args.lang) if args.lang != "none" else []

        def emit_code(language: str, models: ModelSet) -> Emitted:
            # the verdicts need the names and the listing; the files only for --code-diff
            try:
                return emit(language, models) if args.code_diff else listing(language, models)
            except ImportError as error:
                raise ModelgenError(f"the {language} emitter is not available ({error})") from error

        code = surface(old, new, findings, languages, emit_code, want_code_diff=args.code_diff)
        reviewed = with_lines(apply(findings, code), checkouts)
    review = Review(
        old=sources[0],
        new=sources[1],
        findings=tuple(reviewed),
        languages=code.languages,
        notes=tuple(code.notes),
        code_diff=code.code_diff,
        warnings=load_warnings(old, new),
    )
    colour = args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render(review, args.format, colour=colour))
    if args.fail_on is not None and review.has(args.fail_on):
        return 1
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from generator.template_reference import command

    return command(args.lang, args.copy)


_DEBUG_HELP = "on an internal error (exit 3), print the traceback"


def _add_debug(parser: argparse.ArgumentParser) -> None:
    """``--debug`` after the command as well as before it."""
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modelgen", description="API schemas in, model classes out, SDKs kept in sync."
    )
    parser.add_argument("--version", action="version", version=f"modelgen {__version__}")
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate",
        help="generate model code from a source, or run the configuration file's jobs",
    )
    generate.add_argument(
        "source",
        nargs="?",
        help="OpenAPI document or markdown docs, KIND:PATH forcing its kind"
        " (default: the configuration file's jobs)",
    )
    generate.add_argument(
        "--lang",
        help=f"target(s): {', '.join(TARGETS)}; a comma-separated list, or all"
        f" (= {','.join(default_languages())})",
    )
    generate.add_argument("--out", type=Path, help="output folder")
    generate.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing stale, missing and extra files",
    )
    generate.add_argument(
        "--force", action="store_true", help="overwrite files modelgen did not write"
    )
    generate.add_argument(
        "--no-cache",
        action="store_true",
        help="load and generate even when the output folder is known current",
    )
    for dest, (flag, text, metavar) in option_flags().items():
        generate.add_argument(flag, dest=dest, help=text, metavar=metavar)
    add_build_arguments(generate)
    _add_source_options(generate)
    _add_debug(generate)
    generate.set_defaults(func=cmd_generate)

    parity = commands.add_parser(
        "parity", help="check that SDKs (specs, docs, generated code) describe the same models"
    )
    parity.add_argument(
        "sources",
        nargs="+",
        help="two or more sources: specs, docs, code folders; KIND:PATH forces one's kind",
    )
    parity.add_argument("--format", choices=["text", "markdown", "json", "html"], default="text")
    parity.add_argument("-o", "--output", type=Path, help="write the report here (default: stdout)")
    parity.add_argument(
        "--ignore", type=Path, help="YAML/JSON file of accepted differences, each with a reason"
    )
    parity.add_argument(
        "--map",
        type=Path,
        help="YAML/JSON file pairing spec models with SDK classes (spec model: {class, reason})",
    )

    _add_source_options(parity)
    _add_debug(parity)
    parity.set_defaults(func=cmd_parity)

    diff = commands.add_parser(
        "diff",
        help="review a schema change: what it breaks on the wire and in generated code",
    )
    diff.add_argument("old", metavar="OLD", help="the old version: a path, or REV:path from git")
    diff.add_argument(
        "new", metavar="NEW", nargs="?", help="the new version (with --base: leave out)"
    )
    diff.add_argument("--base", metavar="REV", help="compare the path at REV with the working tree")
    diff.add_argument(
        "--format",
        choices=("text", "markdown", "json", "github"),
        default="text",
        help="text (default), markdown (a pull-request comment), json, github (annotations)",
    )
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "warning"),
        help="exit 1 when a finding is at this level or worse (wire or code verdicts)",
    )
    diff.add_argument(
        "--lang",
        default="all",
        help="languages for code verdicts: a target, a comma-separated list, all (default) or none",
    )
    diff.add_argument(
        "--code-diff",
        action="store_true",
        help="also show the unified diff of the generated code of the changed models",
    )
    _add_source_options(diff)
    _add_debug(diff)
    diff.set_defaults(func=cmd_diff)

    templates = commands.add_parser(
        "templates", help="the templates a target renders with, and what each receives"
    )
    templates.add_argument("lang", nargs="?", help="a target (default: list every target's)")
    templates.add_argument(
        "--copy", type=Path, metavar="DIR", help="copy LANG's built-in templates into DIR"
    )
    _add_debug(templates)
    templates.set_defaults(func=cmd_templates)

    completion = commands.add_parser(
        "completion",
        help="print a shell completion script: source <(modelgen completion bash)",
    )
    completion.add_argument("shell", choices=COMPLETION_SHELLS)
    _add_debug(completion)
    completion.set_defaults(func=cmd_completion)
    return parser


COMPLETION_SHELLS = ("bash", "zsh", "tcsh")
# Arguments naming a folder (the rest of the paths name files or either: sources may be both).
_FOLDER_ARGUMENTS = frozenset({"out", "copy", "templates"})
_PATH_ARGUMENTS = frozenset({"source", "sources", "old", "new"})


def cmd_completion(args: argparse.Namespace) -> int:
    """The completion script of every command and option, built from the parser by shtab
    (imported only here); paths complete as files, output and template folders as folders."""
    try:
        import shtab
    except ImportError as error:  # a dependency, but an environment may lack it
        raise ModelgenError("shell completion needs shtab (pip install shtab)") from error

    parser = build_parser()
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
            elif action.dest in _FOLDER_ARGUMENTS:
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
            elif action.type is Path or action.dest in _PATH_ARGUMENTS:
                action.complete = shtab.FILE  # type: ignore[attr-defined]
    text = shtab.complete(parser, shell=args.shell)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Command = args.func
    try:
        code = func(args)
        report(args).flush()
        return code
    except ModelgenError as error:
        print(f"modelgen: error: {error}", file=sys.stderr)
        return 2
    except RecursionError:
        print("modelgen: error: input nested too deeply", file=sys.stderr)
        return 2
    except OSError as error:  # one not turned into a ModelgenError where it happened
        where = f"{error.filename}: " if error.filename is not None else ""
        print(f"modelgen: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        detail = " ".join(str(error).split())[:200]
        hint = "" if args.debug else " (run with --debug for the traceback)"
        print(
            f"modelgen: internal error, please report it: {type(error).__name__}"
            f"{': ' + detail if detail else ''}{hint}",
            file=sys.stderr,
        )
        return 3


def run() -> None:
    """The ``modelgen`` command: one command per process, so the cyclic collector is off from
    the start to the end (turning it back on after the work would rescan every object the
    work made: 25 ms for a 1 MB spec, more than the no-op build's own work)."""
    gc.disable()
    hard_exit(main())


def hard_exit(code: int) -> NoReturn:
    """End the process with ``code`` once its output is flushed, without tearing its objects
    down: an interpreter's normal exit runs the cyclic collector over everything still alive
    and frees it object by object (about 0.06 s of CPU after a fresh run on a 3 MB spec), which
    the operating system does at once. Nothing is left to clean up by then: every file is closed
    and every temporary file removed when :func:`main` returns, and the progress timer's
    thread is a daemon. Like a normal exit, a failure to flush (a closed pipe) exits 120."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = 120
    os._exit(code)


if __name__ == "__main__":
    run()
