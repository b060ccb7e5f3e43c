"""The quickstart's Python examples run as written, in order, as a reader would paste them."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

QUICKSTART = ROOT / "docs" / "quickstart.md"


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)


def test_the_quickstart_has_python_examples() -> None:
    assert len(python_blocks(QUICKSTART)) >= 6


def test_quickstart_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(EXAMPLES)  # the paths the page uses, from a clone
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "quickstart"}
    out = io.StringIO()
    for number, block in enumerate(python_blocks(QUICKSTART), 1):
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(block, f"quickstart block {number}", "exec"), namespace)
            except Exception as exc:  # name the block that broke
                pytest.fail(f"quickstart block {number} failed: {type(exc).__name__}: {exc}")
    printed = out.getvalue()
    assert "{'author': 'A. Writer', 'lang': 'en'}" in printed
    assert "did you mean 'language'?" in printed
    assert "de 0" in printed
    assert (tmp_path / "articles.jsonl").is_file()
