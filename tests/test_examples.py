"""Every script in examples/ runs (the Dask one when the extra is installed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import EXAMPLES

SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


def test_there_are_examples() -> None:
    assert {"extract_one.py", "batch_folder.py", "plugin_inline.py", "dask_batch.py"} <= set(
        SCRIPTS
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_runs(script: str) -> None:
    if script.startswith("dask") and importlib.util.find_spec("distributed") is None:
        pytest.skip("the dask extra is not installed")
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip()
