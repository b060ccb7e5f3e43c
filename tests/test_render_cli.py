"""``communique render`` and ``communique extract page.html``, through the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from communique import Article
from test_render import Dom, crowded_article

from conftest import EXAMPLES, ROOT, SEED_TEXT

COMMUNIQUE = shutil.which("communique") or str(Path(sys.executable).with_name("communique"))
SEED_HTML = EXAMPLES / "data" / "kerry-lavrov-geneva.html"
MESSY_HTML = ROOT / "tests" / "data" / "messy_article.html"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMUNIQUE, *args], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )


def test_extract_reads_an_html_page() -> None:
    result = run("extract", str(SEED_HTML))
    assert result.returncode == 0, result.stderr
    article = Article.model_validate_json(result.stdout)
    assert article.id == "kerry-lavrov-geneva"
    assert article.title == SEED_TEXT.read_text(encoding="utf-8").splitlines()[0]
    assert article.published is not None and article.published.isoformat() == "2016-08-26"
    assert article.source == "World Desk"
    lines = [line for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(article.paragraphs) == len(lines) - 1  # the headline is the title


def test_render_pages_and_article_json_into_one_file(tmp_path: Path) -> None:
    crowded = crowded_article()
    saved = tmp_path / "crowded.json"
    saved.write_text(crowded.model_dump_json(), encoding="utf-8")
    out = tmp_path / "out.html"
    result = run(
        "render", str(MESSY_HTML), str(tmp_path / "missing.html"), str(saved), "-o", str(out)
    )
    assert result.returncode == 1  # one input failed ...
    assert "missing.html: no such file" in result.stderr
    page = out.read_text(encoding="utf-8")  # ... and the others are still rendered
    dom = Dom(page)
    assert dom.errors == []
    assert dom.tables == ["quotes", "agreements", "actors"] * 2
    assert 'data-article-id="messy_article"' in page and 'data-article-id="crowded"' in page
    assert page.index('data-article-id="messy_article"') < page.index('data-article-id="crowded"')


def test_render_article_json_only_to_stdout(tmp_path: Path) -> None:
    crowded = crowded_article()
    saved = tmp_path / "crowded.jsonl"
    saved.write_text(crowded.model_dump_json() + "\n", encoding="utf-8")
    result = run("render", str(saved))
    assert result.returncode == 0, result.stderr
    from communique.views.render import render_html

    assert result.stdout == render_html(crowded)


def test_render_reports_an_html_page_without_article(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    out = tmp_path / "out.html"
    result = run("render", str(empty), "-o", str(out))
    assert result.returncode == 1
    assert "empty.html: HTML page has no article text" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("args", [[], ["x.html", "--nonsense"]])
def test_render_usage_errors(args: list[str]) -> None:
    assert run("render", *args).returncode == 2
