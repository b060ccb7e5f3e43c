"""``communique serve`` in a real browser: Datasette serves the corpus, headless Chromium
loads the "quotes by speaker" canned query and the quotes table's full-text search, and the
known quotes are on the page.

Skipped when Datasette or Chromium is missing, except on CI (``CI=true``), where the README's
test command installs the ``serve`` extra and Chromium is installed.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html import unescape
from pathlib import Path

import pytest

from communique import Article
from communique.corpus import Corpus
from test_render_browser import browse, find_chromium


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"communique serve ended: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"communique serve did not answer within {seconds}s")


def test_canned_query_page_shows_a_known_quote(tmp_path: Path, seed_article: Article) -> None:
    if os.environ.get("CI") != "true":
        pytest.importorskip("datasette")
    chromium = find_chromium()
    db = tmp_path / "news.db"
    with Corpus(db) as corpus:
        corpus.add([seed_article])
    kerry = seed_article.actor_named("John Kerry")
    assert kerry is not None
    known = min((q.text for q in seed_article.quotes_by(kerry)), key=len)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}/news"
        wait_for(base, server)
        page = browse(
            chromium, tmp_path / "profile", "--dump-dom", f"{base}/quotes_by_speaker?speaker=Kerry"
        )
        assert page.returncode == 0, page.stderr[-2000:]
        shown = unescape(page.stdout)
        assert "Quotes by speaker" in shown
        assert known in shown
        others = [q.text for q in seed_article.quotes if q.speaker_id != kerry.id]
        assert not any(text in shown for text in others if len(text) > 30)

        word = "Syria"
        search = browse(
            chromium, tmp_path / "profile-2", "--dump-dom", f"{base}/quotes?_search={word}"
        )
        assert search.returncode == 0, search.stderr[-2000:]
        expected = sum(bool(re.search(rf"\b{word}\b", q.text)) for q in seed_article.quotes)
        assert expected > 0
        assert f"{expected} row" in unescape(search.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)
