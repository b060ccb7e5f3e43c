"""The README's examples run as written, and its commands use the project's environment
(issue 16, items 19 and 20)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_the_python_quickstart_runs_as_written() -> None:
    quickstart = next(b for b in blocks("python") if "communique.extract(" in b)
    result = subprocess.run(
        [sys.executable, "-c", quickstart], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "John Kerry" in result.stdout and '"schema_version"' in result.stdout


def test_every_command_runs_from_the_projects_environment() -> None:
    commands = [line for block in blocks("bash") for line in block.splitlines()]
    documentation = README[README.index("## Documentation") :]
    commands += re.findall(r"`([^`]*(?:pip|sphinx-build)[^`]*)`", documentation)
    assert any("sphinx-build" in command for command in commands)
    for command in commands:
        for tool in re.findall(r"(?:^|&&|;|\s)((?:\S*/)?(?:pip|sphinx-build|pytest))\s", command):
            if not tool.endswith("pytest"):
                assert tool.startswith(".venv/bin/"), f"{tool!r} in README: {command}"


def test_the_test_section_says_the_example_plugin_stays_installed() -> None:
    project = (EXAMPLES / "communique-example-plugin" / "pyproject.toml").read_text("utf-8")
    name = re.search(r'^name = "([^"]+)"', project, re.M).group(1)  # type: ignore[union-attr]
    entry_points = project[project.index("[project.entry-points.communique]") :]
    plugin = re.search(r'^(\w+) = "', entry_points, re.M).group(1)  # type: ignore[union-attr]
    test_section = README[README.index("<!-- ci:run -->") : README.index("<!-- ci:test -->")]
    assert f".venv/bin/pip uninstall {name}" in test_section
    assert f"--disable {plugin}" in test_section
