"""PolNeAR is for development only: its text must never be committed (licence and held-out
hygiene). This guard looks for any run of nine words of PolNeAR train or dev in the project's
tracked text files (source, tests, docs, benchmarks, scripts, examples). Stock phrases of news
writing that any reporter writes are taken out first. Skips when ``../shared`` is absent."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WINDOW = 9
STOCK_PHRASES = ("did not respond to a request for comment",)
"""Phrases every newsroom writes; a test sentence may use them without copying anyone."""

_WORD = re.compile(r"[\w$%-]+(?:'[\w]+)*")


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)  # "long-term" copies "long term" too
    for phrase in STOCK_PHRASES:
        text = text.replace(phrase, " | ")
    return _WORD.findall(text)


def _windows(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + WINDOW]) for i in range(len(words) - WINDOW + 1)}


def _copied_runs(text: str, corpus: set[str]) -> list[tuple[int, str]]:
    """(line, words) of each run of ``WINDOW`` words of ``text`` found in ``corpus``; the
    words are read as one stream, so a sentence wrapped over lines is still one run."""
    numbered = [
        (number, word) for number, line in enumerate(text.splitlines(), 1) for word in _words(line)
    ]
    found = []
    for i in range(len(numbered) - WINDOW + 1):
        run = " ".join(word for _, word in numbered[i : i + WINDOW])
        if run in corpus:
            found.append((numbered[i][0], run))
    return found


def _tracked_text_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "src", "tests", "docs", "benchmarks", "scripts", "examples"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        pytest.skip("git is not installed")
    names = [name for name in listed.stdout.split("\0") if name]
    if listed.returncode != 0 or not names:
        pytest.skip("not a git checkout of communique")
    binary = (".spacy", ".png", ".gz", ".ico", ".parquet", ".db")
    return [ROOT / name for name in names if not name.endswith(binary)]


def test_no_polnear_text_is_committed(polnear_dir: Path) -> None:
    corpus: set[str] = set()
    for split in ("train", "dev"):
        for path in sorted((polnear_dir / split / "text").glob("*.txt")):
            corpus |= _windows(_words(path.read_text(encoding="utf-8")))
    copied = []
    for path in _tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        copied += [f"{path.relative_to(ROOT)}:{n}: {run}" for n, run in _copied_runs(text, corpus)]
    assert not copied, "PolNeAR text in the repository:\n" + "\n".join(copied[:20])


def test_the_guard_finds_a_copied_sentence() -> None:
    """The window check itself: a nine-word run is found, also when wrapped over two lines;
    eight words are not."""
    source = _windows(_words("one two three four five six seven eight nine ten"))
    assert _copied_runs("x one two three four five six seven eight nine y", source)
    assert _copied_runs('"x one two three four\n    five six seven eight nine y"', source)
    assert not _copied_runs("one two three four five six seven eight", source)
