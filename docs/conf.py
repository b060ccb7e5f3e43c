"""Sphinx configuration. Builds offline: no intersphinx, no remote assets."""

from __future__ import annotations

import communique

project = "communique"
author = "communique developers"
copyright = "2026, communique developers"
release = communique.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "schema"]
html_theme = "furo"
html_title = f"communique {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# pydantic models carry many generated members; keep the API pages readable.
autodoc_mock_imports: list[str] = []
nitpicky = False
suppress_warnings = ["myst.xref_missing"]
