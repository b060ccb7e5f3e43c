"""Issue 19: a readable report on the terminal, JSON everywhere else; issue 16 items 15
(progress on a terminal) and 16 (the notebook view is a fragment with its own anchors)."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import communique
from communique import Article
from communique.views.render import render_fragment

from conftest import SEED_PUBLISHED, SEED_TEXT

COMMUNIQUE = shutil.which("communique") or str(Path(sys.executable).with_name("communique"))


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([COMMUNIQUE, *args], capture_output=True, timeout=300)


def run_in_terminal(*args: str, columns: int = 120) -> str:
    """Run the console script with stdout and stderr on a pseudo-terminal; all it printed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm"}
    process = subprocess.Popen(
        [COMMUNIQUE, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode == 0, b"".join(chunks).decode("utf-8", "replace")
    return b"".join(chunks).decode("utf-8", "replace")


def check_report(report: str) -> None:
    who_said_what = report[report.index("Who said what") : report.index("Agreements")]
    assert "John Kerry" in who_said_what and "Sergei Lavrov" in who_said_what
    agreements = report[report.index("Agreements") : report.index("Actors")]
    assert agreements.count("ceasefire") >= 2
    assert "US, Russia achieve clarity on new Syrian truce" in report
    assert "2016-08-26" in report
    assert "--format json" in report and "communique render" in report


@pytest.fixture(scope="module")
def seed_json() -> bytes:
    result = run("extract", str(SEED_TEXT), "--published", SEED_PUBLISHED)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_format_table_gives_the_report_anywhere() -> None:
    result = run("extract", str(SEED_TEXT), "--published", SEED_PUBLISHED, "--format", "table")
    assert result.returncode == 0, result.stderr.decode()
    report = result.stdout.decode()
    check_report(report)
    assert "\x1b[" not in report  # no colour codes in a pipe
    assert max(len(line) for line in report.splitlines()) <= 100  # quotes cut, not wrapped


def test_on_a_terminal_extract_prints_the_report() -> None:
    shown = run_in_terminal("extract", str(SEED_TEXT), "--published", SEED_PUBLISHED)
    check_report(shown)
    assert '"schema_version"' not in shown
    assert "communique: 1 article written to stdout" in shown


def test_piped_output_is_the_article_json_byte_for_byte(
    seed_json: bytes, tmp_path: Path, pipeline: communique.Pipeline
) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    expected = pipeline.extract(
        text, published=SEED_PUBLISHED, id=SEED_TEXT.stem, title=text.splitlines()[0]
    )
    assert seed_json == (expected.model_dump_json(indent=2) + "\n").encode()
    forced = run("extract", str(SEED_TEXT), "--published", SEED_PUBLISHED, "--format", "json")
    assert forced.stdout == seed_json
    out = tmp_path / "seed.json"
    written = run("extract", str(SEED_TEXT), "--published", SEED_PUBLISHED, "-o", str(out))
    assert written.returncode == 0
    assert out.read_bytes() == seed_json


def test_a_terminal_shows_progress_with_a_total(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"{name.upper()} said the talks went well.\n")
    shown = run_in_terminal("extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert "3/3" in shown or "100%" in shown
    assert "communique: 3 articles written to" in shown


def test_the_notebook_view_is_a_fragment_with_anchors_of_its_own(
    seed_json: bytes,
) -> None:
    article = Article.model_validate_json(seed_json)
    first, second = article._repr_html_(), article._repr_html_()
    assert first is not None and second is not None
    for fragment in (first, second):
        assert "<!DOCTYPE" not in fragment and "<html" not in fragment
        assert not re.search(r"<(?:body|head)[\s>]", fragment)
        assert 'class="communique"' in fragment and "quotes" in fragment
    anchors = re.compile(r'(?<![-\w])id="([^"]+)"')
    ids_first, ids_second = set(anchors.findall(first)), set(anchors.findall(second))
    assert len(ids_first) > 20 and not ids_first & ids_second
    assert render_fragment(article, "x-") == render_fragment(article, "x-")  # deterministic
