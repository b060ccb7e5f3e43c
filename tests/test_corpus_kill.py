"""A corpus ingest killed with SIGKILL part-way loses nothing committed, leaves no half
article, and a re-run finishes with the same numbers as a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique import Pipeline
from communique.corpus import Corpus
from test_corpus import SHORT

INPUTS = [{**item, "id": f"{item['id']}-{n}"} for n in range(3) for item in SHORT]

# The child ingests with batches of 2, and its input slows down after the first batch, so
# the parent can kill it between commits as well as in the middle of one.
CHILD = """
import sys, time
from communique.corpus import Corpus
from test_corpus_kill import INPUTS

def slow():
    for n, item in enumerate(INPUTS):
        if n >= 2:
            time.sleep(0.15)
        yield item

Corpus(sys.argv[1]).ingest(slow(), batch_size=2)
"""


def stored(path: Path) -> int:
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def per_article(path: Path) -> dict[str, tuple[int, int, int]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT a.id, a.n_actors, a.n_quotes, a.n_agreements, "
        "(SELECT COUNT(*) FROM actors x WHERE x.article_id = a.id), "
        "(SELECT COUNT(*) FROM quotes x WHERE x.article_id = a.id), "
        "(SELECT COUNT(*) FROM agreements x WHERE x.article_id = a.id) FROM articles a"
    ).fetchall()
    conn.close()
    for row in rows:  # never half an article: the rows match the stored record's counts
        assert row[1:4] == row[4:7], row
    return {row[0]: row[1:4] for row in rows}


def test_sigkill_then_rerun_matches_a_clean_run(tmp_path: Path, pipeline: Pipeline) -> None:
    killed = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    # From the tests folder, so its modules (not the project root's conftest) are imported.
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(killed)], env=env, cwd=Path(__file__).parent
    )
    deadline = time.monotonic() + 120
    while stored(killed) < 2:
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"the child ended ({child.returncode}) before its first commit")
        time.sleep(0.05)
    time.sleep(0.2)  # part-way through a later batch
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    at_kill = per_article(killed)
    assert 2 <= len(at_kill) < len(INPUTS)

    with Corpus(killed) as corpus:
        report = corpus.ingest(INPUTS, pipeline, batch_size=2)
    assert report.skipped == len(at_kill)
    assert report.stored == len(INPUTS) - len(at_kill)
    with Corpus(tmp_path / "clean.db") as corpus:
        corpus.ingest(INPUTS, pipeline, batch_size=4)
    assert per_article(killed) == per_article(tmp_path / "clean.db")
    assert len(per_article(killed)) == len(INPUTS)
