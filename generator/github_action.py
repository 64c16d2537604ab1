"""The GitHub Action's script (``action.yml`` at the repository root runs it as ``python -m
generator.github_action``): review a pull request's schema change.

It runs ``modelgen diff SPEC --base BASE --format markdown`` in the checked-out repository,
where BASE is the ``base`` input or the pull request's base commit (from the event file at
``GITHUB_EVENT_PATH``; fetched from ``origin`` when a shallow checkout lacks it). The markdown
review goes to the job's step summary (``GITHUB_STEP_SUMMARY``) and, on a pull request, into one
comment per spec, updated in place on later pushes (found by a hidden marker). With ``fail-on``
(``breaking`` by default) the step fails when the change has a finding at that level or worse.
A comment that cannot be posted (a fork's read-only token) is a warning, not a failure: the
review is in the step summary either way.

The action passes its inputs as ``INPUT_SPEC``, ``INPUT_BASE``, ``INPUT_FAIL_ON``,
``INPUT_LANG``, ``INPUT_COMMENT`` and ``INPUT_TOKEN``; the rest is GitHub's own environment
(``GITHUB_REPOSITORY``, ``GITHUB_API_URL``). Exit codes are modelgen's: 0 fine, 1 the change
fails ``fail-on``, 2 a mistake in the inputs or the spec, 3 an internal error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FAIL_ON = ("breaking", "warning", "none")
MARKER = "<!-- modelgen-review: {spec} -->"


class ActionError(Exception):
    """A mistake in the action's inputs or its environment (exit 2)."""


@dataclass(frozen=True)
class Inputs:
    spec: str
    base: str | None
    fail_on: str
    lang: str
    comment: bool
    token: str | None


def read_inputs(env: Mapping[str, str]) -> Inputs:
    spec = env.get("INPUT_SPEC", "").strip()
    if not spec:
        raise ActionError("the `spec` input is required: the path of the spec in the repository")
    fail_on = env.get("INPUT_FAIL_ON", "").strip() or "breaking"
    if fail_on not in FAIL_ON:
        raise ActionError(f"fail-on: {fail_on!r} is none of {', '.join(FAIL_ON)}")
    comment = env.get("INPUT_COMMENT", "").strip().lower() or "true"
    if comment not in ("true", "false"):
        raise ActionError(f"comment: {comment!r} is neither true nor false")
    return Inputs(
        spec=spec,
        base=env.get("INPUT_BASE", "").strip() or None,
        fail_on=fail_on,
        lang=env.get("INPUT_LANG", "").strip() or "all",
        comment=comment == "true",
        token=env.get("INPUT_TOKEN", "").strip() or env.get("GITHUB_TOKEN") or None,
    )


def read_event(env: Mapping[str, str]) -> dict[str, Any]:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ActionError(f"{path}: cannot read the event: {error}") from error
    return event if isinstance(event, dict) else {}


def pull_request(event: Mapping[str, Any]) -> Mapping[str, Any] | None:
    found = event.get("pull_request")
    return found if isinstance(found, dict) else None


def base_revision(inputs: Inputs, event: Mapping[str, Any]) -> str:
    if inputs.base is not None:
        return inputs.base
    request = pull_request(event)
    sha = (request or {}).get("base", {}).get("sha")
    if not isinstance(sha, str) or not sha:
        raise ActionError(
            "no pull request in the event, and no `base` input: give the revision to compare with"
        )
    return sha


def ensure_commit(revision: str) -> None:
    """Fetch ``revision`` from ``origin`` when the checkout lacks it (a shallow clone)."""
    present = subprocess.run(
        ["git", "cat-file", "-e", f"{revision}^{{commit}}"], capture_output=True, check=False
    )
    if present.returncode == 0:
        return
    fetched = subprocess.run(
        ["git", "fetch", "--no-tags", "--depth=1", "origin", revision],
        capture_output=True,
        text=True,
        check=False,
    )
    if fetched.returncode != 0:
        raise ActionError(
            f"the base revision {revision} is not in the checkout and could not be fetched"
            f" ({fetched.stderr.strip().splitlines()[-1:]}); check out with fetch-depth: 0"
        )


@dataclass(frozen=True)
class Review:
    code: int  # modelgen diff's exit code
    markdown: str
    errors: str


def run_diff(inputs: Inputs, base: str) -> Review:
    argv = [
        sys.executable,
        "-P",  # not the repository's own folder first on sys.path: it may hold a `generator`
        "-m",
        "generator.cli",
        "diff",
        inputs.spec,
        "--base",
        base,
        "--format",
        "markdown",
        "--lang",
        inputs.lang,
    ]
    if inputs.fail_on != "none":
        argv += ["--fail-on", inputs.fail_on]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return Review(done.returncode, done.stdout, done.stderr)


def comment_body(spec: str, markdown: str) -> str:
    return f"{MARKER.format(spec=spec)}\n{markdown.rstrip()}\n"


def _request(url: str, token: str, method: str = "GET", body: object = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/vnd.github+json")
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("X-GitHub-Api-Version", "2022-11-28")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def post_comment(api: str, repository: str, number: int, token: str, body: str) -> str:
    """Create the review comment, or update the one an earlier run left (same marker); returns
    ``created`` or ``updated``."""
    marker = body.splitlines()[0]
    base = f"{api.rstrip('/')}/repos/{repository}/issues"
    page = 1
    while True:
        comments = _request(f"{base}/{number}/comments?per_page=100&page={page}", token)
        for comment in comments:
            if str(comment.get("body", "")).startswith(marker):
                _request(f"{base}/comments/{comment['id']}", token, "PATCH", {"body": body})
                return "updated"
        if len(comments) < 100:
            break
        page += 1
    _request(f"{base}/{number}/comments", token, "POST", {"body": body})
    return "created"


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(text)


def run(env: Mapping[str, str]) -> int:
    inputs = read_inputs(env)
    event = read_event(env)
    base = base_revision(inputs, event)
    ensure_commit(base)
    review = run_diff(inputs, base)
    if review.code not in (0, 1):
        print(review.errors, end="", file=sys.stderr)
        _append(
            env.get("GITHUB_STEP_SUMMARY"),
            f"### Schema diff of `{inputs.spec}`\n\nmodelgen could not review it:\n\n"
            f"```\n{review.errors.strip()}\n```\n",
        )
        return review.code
    print(review.markdown, end="")
    _append(env.get("GITHUB_STEP_SUMMARY"), review.markdown.rstrip() + "\n")
    _append(env.get("GITHUB_OUTPUT"), f"exit-code={review.code}\n")
    request = pull_request(event)
    if inputs.comment and request is not None:
        if inputs.token is None:
            print("::warning title=modelgen::no token: the review is in the step summary only")
        else:
            api = env.get("GITHUB_API_URL", "https://api.github.com")
            repository = env.get("GITHUB_REPOSITORY", "")
            try:
                how = post_comment(
                    api,
                    repository,
                    int(request["number"]),
                    inputs.token,
                    comment_body(inputs.spec, review.markdown),
                )
                print(f"modelgen: review comment {how} on #{request['number']}", file=sys.stderr)
            except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
                print(
                    f"::warning title=modelgen::could not post the review as a comment ({error});"
                    " it is in the step summary"
                )
    if review.code == 1:
        print(
            f"::error title=modelgen::{inputs.spec}: the change has a finding at level"
            f" {inputs.fail_on} or worse (see the review)"
        )
    return review.code


def main() -> int:
    try:
        return run(os.environ)
    except ActionError as error:
        print(f"::error title=modelgen::{error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
