"""Naming quality on the real-spec corpus: how many generated class names carry a number.

    python bench/names.py [SPEC ...] [--list]

For each spec (default: every spec under ../shared/corpus/real-specs/, and a Stripe spec at
../shared/corpus/real-specs/stripe/ if one is there), the Python class name of every model is
checked. A name counts as NUMBERED when it ends in a number (``Foo2``, ``Foo_2``) and, without
it, names another class of the same output (``Foo``, or ``foo`` in another casing): the number
was given to tell the two apart (a collision, or a union member named by its index); a
response named by its status code (``GetPetResponse404``) does not count. A
component whose class is not its own name in Pascal case counts as RENAMED (it lost its name to
another model). Not a test: a measure of how clean the names are, printed per spec and in all.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_SPECS = ROOT.parent / "shared" / "corpus" / "real-specs"
_NUMBERED = re.compile(r"^(.+?)_?([1-9][0-9]*)$")
# ``<Operation>Response404``: a response named by its status code, as the loader documents
_STATUS = re.compile(r"Response[1-5][0-9][0-9]$")


def corpus_specs() -> list[Path]:
    """The entry files of the real-spec corpus, in a fixed order."""
    specs = sorted((REAL_SPECS / "twilio").glob("*.yaml"))
    specs += [REAL_SPECS / "discord" / "openapi.json"]
    specs += [REAL_SPECS / "digitalocean" / "DigitalOcean-public.v2.yaml"]
    specs += sorted((REAL_SPECS / "oas-examples").glob("*/yaml/*.yaml"))
    specs += sorted((REAL_SPECS / "stripe").glob("*.*"))
    return [spec for spec in specs if spec.is_file()]


def _fold(name: str) -> str:
    from generator.naming import words

    return "".join(words(name))


def count(spec: Path) -> tuple[int, list[str], list[str]]:
    """(models, numbered class names, renamed components) of one spec."""
    from generator.sources import LoadOptions, load
    from generator.targets.python.names import class_name, model_names

    models = load(spec, LoadOptions())
    classes = model_names(models).classes
    folded = {_fold(name) for name in classes.values()}
    numbered: list[str] = []
    renamed: list[str] = []
    for model in models.models:
        generated = classes[model.name]
        if not model.inline and generated == class_name(model.name):
            continue  # the spec's own name, digits and all
        match = _NUMBERED.match(generated)
        if match is not None and _fold(match.group(1)) in folded and not _STATUS.search(generated):
            numbered.append(generated)
        if not model.inline and generated != class_name(model.name):
            renamed.append(f"{model.name} -> {generated}")
    return len(models.models), numbered, renamed


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--list", action="store_true", help="print every numbered name")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    specs = args.specs or corpus_specs()
    if not specs:
        sys.exit(f"no specs (looked in {REAL_SPECS})")
    total_models = total_numbered = total_renamed = 0
    for spec in specs:
        n, numbered, renamed = count(spec)
        total_models += n
        total_numbered += len(numbered)
        total_renamed += len(renamed)
        if numbered or renamed or args.list:
            shown = spec.relative_to(REAL_SPECS) if spec.is_relative_to(REAL_SPECS) else spec
            print(f"  {shown}: {n} models, {len(numbered)} numbered, {len(renamed)} renamed")
            if args.list:
                for name in [*numbered, *renamed]:
                    print(f"      {name}")
    print(
        f"{len(specs)} specs, {total_models} models: {total_numbered} numbered names,"
        f" {total_renamed} components renamed"
    )


if __name__ == "__main__":
    main()
