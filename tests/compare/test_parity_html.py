"""The HTML report in a real headless browser (Debian's chromium; CI installs it): it loads
without console errors, shows the matrix, and the filter works. The page reads its filter and
selected model from the URL hash (``#filter=...&model=...``), so ``--dump-dom`` shows the
state after the page's script ran. Each browser run takes 1-2 s."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.compare.parity import compare
from generator.compare.parity_report import render_html
from generator.ir import FACETS, Field, ModelSet, Nullable, ObjectModel, Primitive, Source
from generator.sources import load
from tests.support.paths import CORPUS, need

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium not installed (CI installs Debian's chromium)")


def _browse(page: Path, fragment: str, profile: Path) -> tuple[str, str]:
    """(DOM after the page's script ran, browser log)."""
    result = subprocess.run(
        [
            _chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout, result.stderr


def _console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def _small_page(tmp_path: Path) -> Path:
    def source(name: str, *models: ObjectModel) -> ModelSet:
        return ModelSet(models=models, source=Source(name), knows=FACETS)

    text = Field("text", Primitive("string"), required=True)
    count = Field("count", Primitive("integer"), required=False)
    a = source(
        "sdk/python",
        ObjectModel("Pet", (text,)),
        ObjectModel("RealtimeEvent", (text, count)),
        ObjectModel("RealtimeSession", (text,)),
    )
    b = source(
        "sdk/dart",
        ObjectModel("Pet", (text,)),
        ObjectModel("RealtimeEvent", (text,)),
        ObjectModel("Realtime<img>", (text,)),
    )
    page = tmp_path / "parity.html"
    page.write_text(render_html(compare([a, b])), encoding="utf-8")
    return page


def _shown(dom: str) -> int:
    match = re.search(r'id="shown" data-shown="(\d+)"', dom)
    assert match is not None, "the page has no shown-models counter"
    return int(match.group(1))


def _visible_rows(dom: str) -> list[str]:
    rows = re.findall(r"<tr (data-name=[^>]*)>\s*<th[^>]*>([^<]*)</th>", dom)
    return [name for attrs, name in rows if "hidden" not in attrs]


def test_page_loads_without_console_errors_and_shows_the_matrix(tmp_path: Path) -> None:
    dom, log = _browse(_small_page(tmp_path), "", tmp_path / "profile")
    assert _console_errors(log) == []
    assert 'data-ready="true"' in dom  # the script ran to its end
    assert _visible_rows(dom) == [
        "Pet",
        "Realtime&lt;img&gt;",
        "RealtimeEvent",
        "RealtimeSession",
    ]
    assert '<td class="cell drift"><span>1 drift</span></td>' in dom
    assert '<td class="cell missing"><span>missing</span></td>' in dom
    assert _shown(dom) == 4


def test_filter_from_the_url_hides_the_other_models(tmp_path: Path) -> None:
    dom, log = _browse(_small_page(tmp_path), "#filter=Realtime", tmp_path / "profile")
    assert _console_errors(log) == []
    assert _visible_rows(dom) == ["Realtime&lt;img&gt;", "RealtimeEvent", "RealtimeSession"]
    assert _shown(dom) == 3


def test_status_filter_and_selected_model_from_the_url(tmp_path: Path) -> None:
    dom, log = _browse(
        _small_page(tmp_path), "#status=drift&model=RealtimeEvent", tmp_path / "profile"
    )
    assert _console_errors(log) == []
    assert _visible_rows(dom) == ["RealtimeEvent"]
    details = dom[dom.index('id="details"') :]
    assert "<h2>RealtimeEvent</h2>" in details
    assert "field-missing" in details


def test_full_corpus_page_loads_and_filters(tmp_path: Path) -> None:
    php = need(CORPUS / "openai-2.3.0" / "php-docs")
    dart = need(CORPUS / "openai-2.3.0" / "dart-docs")
    page = tmp_path / "parity.html"
    page.write_text(render_html(compare([load(php), load(dart)])), encoding="utf-8")
    dom, log = _browse(page, "#filter=RealtimeClientEvent", tmp_path / "profile")
    assert _console_errors(log) == []
    rows = _visible_rows(dom)
    assert rows and all("realtimeclientevent" in r.lower() for r in rows)
    assert _shown(dom) == len(rows)


def test_page_of_an_sdk_shows_its_match_rate_and_the_lossy_side(tmp_path: Path) -> None:
    text = Field("text", Primitive("string"), required=True)
    note = Field("note", Primitive("string"), required=False)
    nullable_note = Field("note", Primitive("string"), required=False, nullable=Nullable.YES)
    spec = ModelSet(
        (ObjectModel("Pet", (text, note)), ObjectModel("Upload", (text,))),
        Source("spec.yaml"),
    )
    sdk = ModelSet(
        (
            ObjectModel("Pet", (text, nullable_note), source=Source("types/pet.py", line=3)),
            ObjectModel("Helper", (text, note), source=Source("types/helper.py", line=1)),
        ),
        Source("types"),
        knows=frozenset({"nullable", "enum_values", "composition", "wire_names"}),
        kind="python-sdk",
    )
    page = tmp_path / "parity.html"
    page.write_text(render_html(compare([spec, sdk])), encoding="utf-8")
    dom, log = _browse(page, "", tmp_path / "profile")
    assert _console_errors(log) == []
    assert 'data-ready="true"' in dom
    assert re.search(r'<span class="rate" data-source="2"[^>]*>50\.0% matched</span>', dom)
    assert "1 of 2 classes paired with models of [1]" in dom  # the panel before a click
    # `note` is optional in the spec and `Optional[str] = None` in the SDK: only the SDK's
    # cell is lossy.
    assert re.search(r'<th scope="row" title="Pet">Pet</th>\s*<td class="cell ok">', dom)
    assert '<td class="cell lossy"><span>1 lossy</span></td>' in dom
