"""The GitHub Action's script (``generator/github_action.py``, run by ``action.yml``) on a fake
pull-request event: it reviews the spec against the pull request's base commit, writes the
markdown review to the step summary and to one pull-request comment (updated on later runs),
and fails the step on ``fail-on``. The GitHub API is a local HTTP server recording requests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.paths import EXAMPLE_SPEC, ROOT

REPOSITORY = "acme/api"
NUMBER = 7
SPEC = "api/realtime.yaml"


# --- a fake GitHub API -------------------------------------------------------------------------


@dataclass
class FakeGitHub:
    url: str = ""
    comments: dict[int, str] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # method, path
    refuse: bool = False  # answer 403, as GitHub does to a fork's read-only token
    tokens: set[str] = field(default_factory=set)


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    issue = f"/repos/{REPOSITORY}/issues/{NUMBER}/comments"
    one = f"/repos/{REPOSITORY}/issues/comments/"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def answer(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self) -> None:
            fake.requests.append((self.command, self.path))
            fake.tokens.add(self.headers.get("Authorization", ""))
            length = int(self.headers.get("Content-Length") or 0)
            sent: dict[str, Any] = json.loads(self.rfile.read(length)) if length else {}
            if fake.refuse:
                return self.answer(403, {"message": "Resource not accessible by integration"})
            path = self.path.split("?")[0]
            if self.command == "GET" and path == issue:
                listed = [{"id": n, "body": body} for n, body in fake.comments.items()]
                return self.answer(200, listed)
            if self.command == "POST" and path == issue:
                number = 100 + len(fake.comments)
                fake.comments[number] = sent["body"]
                return self.answer(201, {"id": number})
            if self.command == "PATCH" and path.startswith(one):
                number = int(path.removeprefix(one))
                if number not in fake.comments:
                    return self.answer(404, {"message": "Not Found"})
                fake.comments[number] = sent["body"]
                return self.answer(200, {"id": number})
            return self.answer(404, {"message": "Not Found"})

        do_GET = do_POST = do_PATCH = handle_any

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


# --- a repository with a pull request ----------------------------------------------------------


def git(repo: Path, *argv: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *argv],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def commit_spec(repo: Path, text: str, message: str) -> str:
    spec = repo / SPEC
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


BASE_TEXT = EXAMPLE_SPEC.read_text()
BREAKING = "required: [model]"  # SessionCreateRequest; the change makes `voice` required too
assert BASE_TEXT.count(BREAKING) == 1


@dataclass
class PullRequest:
    repo: Path
    base: str


@pytest.fixture
def pull_request(tmp_path: Path) -> PullRequest:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    base = commit_spec(repo, BASE_TEXT, "base")
    commit_spec(repo, BASE_TEXT.replace(BREAKING, "required: [model, voice]"), "voice required")
    return PullRequest(repo, base)


def event_file(folder: Path, base: str, *, pull: bool = True) -> Path:
    event: dict[str, Any] = {"repository": {"full_name": REPOSITORY}}
    if pull:
        event["pull_request"] = {
            "number": NUMBER,
            "base": {"sha": base, "ref": "main"},
            "head": {"ref": "voice"},
        }
    path = folder / "event.json"
    path.write_text(json.dumps(event))
    return path


@dataclass
class Step:
    code: int
    stdout: str
    stderr: str
    summary: str
    outputs: str


def run_action(cwd: Path, work: Path, github: FakeGitHub, event: Path, **inputs: str) -> Step:
    """The review step as action.yml runs it, with GitHub's environment faked in ``work``."""
    work.mkdir(exist_ok=True)
    summary, outputs = work / "summary.md", work / "output.txt"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": REPOSITORY,
        "INPUT_SPEC": SPEC,
        "INPUT_LANG": "python",
        "INPUT_TOKEN": "fake-token",
        **{f"INPUT_{name.upper()}": value for name, value in inputs.items()},
    }
    done = subprocess.run(
        [sys.executable, "-P", "-m", "generator.github_action"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    return Step(done.returncode, done.stdout, done.stderr, _read(summary), _read(outputs))


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""


MARKDOWN = ("--format", "markdown", "--lang", "python")


def modelgen_diff(cwd: Path, base: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "diff", SPEC, "--base", base, *MARKDOWN],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# --- the tests ---------------------------------------------------------------------------------


def test_a_breaking_change_fails_the_step_with_the_review_in_the_summary_and_a_comment(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    event = event_file(tmp_path, pull_request.base)
    step = run_action(pull_request.repo, tmp_path / "run1", github, event)
    assert step.code == 1, step.stderr
    review = modelgen_diff(pull_request.repo, pull_request.base)
    assert "property.became_required" in review and "voice" in review
    assert step.summary == review.rstrip() + "\n"
    assert "exit-code=1\n" in step.outputs
    assert f"::error title=modelgen::{SPEC}: the change has a finding at level breaking" in (
        step.stdout
    )
    (body,) = github.comments.values()
    assert body == f"<!-- modelgen-review: {SPEC} -->\n{review.rstrip()}\n"
    assert github.tokens == {"Bearer fake-token"}


def test_a_later_run_updates_its_comment_instead_of_adding_one(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    github.comments[1] = "a comment by someone else"
    event = event_file(tmp_path, pull_request.base)
    assert run_action(pull_request.repo, tmp_path / "run1", github, event).code == 1
    assert len(github.comments) == 2
    ours = max(github.comments)
    commit_spec(pull_request.repo, BASE_TEXT, "voice optional again")
    step = run_action(pull_request.repo, tmp_path / "run2", github, event)
    assert step.code == 0, step.stderr
    assert len(github.comments) == 2 and github.comments[1] == "a comment by someone else"
    assert "property.became_required" not in github.comments[ours]
    assert ("PATCH", f"/repos/{REPOSITORY}/issues/comments/{ours}") in github.requests
    assert "::error" not in step.stdout and "exit-code=0\n" in step.outputs


def test_fail_on_none_reports_without_failing_and_comment_false_posts_nothing(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    event = event_file(tmp_path, pull_request.base)
    step = run_action(
        pull_request.repo, tmp_path / "run", github, event, fail_on="none", comment="false"
    )
    assert step.code == 0, step.stderr
    assert "property.became_required" in step.summary
    assert github.requests == []


def test_a_refused_comment_is_a_warning_and_the_verdict_stands(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    github.refuse = True
    step = run_action(
        pull_request.repo, tmp_path / "run", github, event_file(tmp_path, pull_request.base)
    )
    assert step.code == 1
    assert "::warning title=modelgen::could not post the review as a comment" in step.stdout
    assert "property.became_required" in step.summary


def test_a_shallow_checkout_fetches_the_base_commit(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", pull_request.repo.as_uri(), str(shallow))
    missing = subprocess.run(
        ["git", "cat-file", "-e", f"{pull_request.base}^{{commit}}"], cwd=shallow, check=False
    )
    assert missing.returncode != 0
    step = run_action(shallow, tmp_path / "run", github, event_file(tmp_path, pull_request.base))
    assert step.code == 1, step.stdout + step.stderr
    assert "property.became_required" in step.summary


def test_without_a_pull_request_or_a_base_input_the_step_says_what_to_give(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    event = event_file(tmp_path, pull_request.base, pull=False)
    step = run_action(pull_request.repo, tmp_path / "run", github, event)
    assert step.code == 2
    assert step.stdout.startswith("::error title=modelgen::no pull request in the event")
    step = run_action(pull_request.repo, tmp_path / "run", github, event, base="HEAD~1")
    assert step.code == 1 and "property.became_required" in step.summary
    assert github.requests == []  # a push has no pull request to comment on


def test_a_spec_modelgen_cannot_read_fails_with_its_error_in_the_summary(
    pull_request: PullRequest, github: FakeGitHub, tmp_path: Path
) -> None:
    commit_spec(pull_request.repo, "openapi: [", "broken")
    step = run_action(
        pull_request.repo, tmp_path / "run", github, event_file(tmp_path, pull_request.base)
    )
    assert step.code == 2
    assert "modelgen: error: " in step.stderr
    assert "modelgen could not review it" in step.summary and SPEC in step.summary
    assert github.requests == []


def test_action_yml_passes_every_input_to_the_script() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    (review,) = (s for s in action["runs"]["steps"] if s.get("id") == "review")
    assert review["run"].rstrip("'").endswith(" -P -m generator.github_action")
    passed = {
        name.removeprefix("INPUT_").lower().replace("_", "-")
        for name in review["env"]
        if name.startswith("INPUT_")
    }
    assert passed == set(action["inputs"]) - {"python"}
    for name in passed:
        assert review["env"][f"INPUT_{name.upper().replace('-', '_')}"] == (
            f"${{{{ inputs.{name} }}}}"
        )
