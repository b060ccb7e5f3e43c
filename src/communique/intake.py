"""Intake: one input (a str, a mapping or an ArticleInput) becomes text and typed metadata.

Intake never raises; it records. What is wrong with the *text* costs the article (there is
nothing to parse): the result carries an ``error``. What is wrong with one *metadata value*
costs only that value when ``lenient`` (the article is extracted without it and a
:class:`~communique.models.Problem` of kind ``"metadata"`` says why); a strict intake turns it
into an ``error`` instead, which is what a direct call with a bad keyword argument wants.

Keys the model does not know are kept in ``Article.metadata``; a key that looks like a
misspelt known field (``lang``, ``publised``) is kept too, and a problem names the field it
probably meant.

Example:
    >>> result = take({"text": "Kerry spoke.", "lang": "en", "desk": "world"}, 0)
    >>> result.metadata
    {'lang': 'en', 'desk': 'world'}
    >>> print(result.problems[0].message)
    unknown key 'lang' kept in metadata; did you mean 'language'?
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import JsonValue, TypeAdapter, ValidationError

from communique.extractor import ArticleMeta
from communique.inputs import METADATA_FIELDS, ArticleInput
from communique.language import decide_language
from communique.models import Problem, Published, document_id

__all__ = ["Intake", "did_you_mean", "take"]

_PUBLISHED: TypeAdapter[Any] = TypeAdapter(Published)
_KNOWN = ("text", *METADATA_FIELDS, "metadata")
_STRINGS = ("title", "source", "url", "language")


@dataclass(frozen=True)
class Intake:
    """One input, checked: text and metadata to extract with, or the reason it cannot be."""

    index: int
    text: str
    meta: ArticleMeta
    metadata: dict[str, JsonValue] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    error: str | None = None


def take(item: Any, index: int, *, lenient: bool = True, detect: bool = True) -> Intake:
    """Check one input. ``lenient`` keeps the article when a metadata value is unusable;
    ``detect`` identifies the text's language (see :mod:`communique.language`)."""
    if isinstance(item, ArticleInput):
        fields: dict[str, Any] = {k: getattr(item, k) for k in ("text", *METADATA_FIELDS)}
        extra: dict[str, Any] = dict(item.metadata)
    elif isinstance(item, str):
        fields, extra = {"text": item}, {}
    elif isinstance(item, Mapping):
        fields, extra = _split(item)
    else:
        reason = f"input: expected a str or a mapping with 'text', got {type(item).__name__}"
        return _unusable(index, item, {}, reason)
    notes = [note for note in map(_unknown_key_note, extra) if note]
    label = "input"
    doc_id = fields.get("id")
    id_notes: list[str] = []
    if doc_id is not None and not isinstance(doc_id, str):
        id_notes.append(f"{label}: id must be a str, got {type(doc_id).__name__}")
        doc_id = None
    if doc_id:
        label = f"document {doc_id!r}"
    text = fields.get("text")
    if not isinstance(text, str):
        return _unusable(index, item, fields, _missing_text(label, text, extra))
    bad = _first_unencodable(text)
    if bad is not None:
        reason = (
            f"{label}: text has an unpaired surrogate {text[bad]!r} at offset {bad}; "
            "decode the source with errors='replace'"
        )
        return _unusable(index, item, fields, reason)
    values, value_notes = _typed_values(fields, label)
    value_notes = id_notes + value_notes
    if value_notes and not lenient:
        return _unusable(index, item, fields, value_notes[0])
    metadata, json_notes = _json_ready(extra, label)
    language, language_notes = decide_language(text, values.get("language"), detect=detect)
    meta = ArticleMeta(
        id=doc_id or document_id(text),
        title=values.get("title"),
        source=values.get("source"),
        url=values.get("url"),
        published=values.get("published"),
        language=language,
    )
    dropped = [f"{note}; the article is extracted without it" for note in value_notes]
    problems = [Problem(kind="metadata", message=m) for m in notes + dropped + json_notes]
    problems += [Problem(kind="language", message=m) for m in language_notes]
    return Intake(index, text, meta, metadata, tuple(problems))


def did_you_mean(key: str) -> str | None:
    """The known field a key probably misspells (``lang`` → ``language``), or None.

    A prefix of at least three letters counts (``lang``, ``pub``), as does a close spelling
    (difflib ratio 0.8 or more: ``publised``, ``titel``); unrelated words do not.

    Example:
        >>> did_you_mean("publised"), did_you_mean("lang"), did_you_mean("author")
        ('published', 'language', None)
    """
    lowered = key.lower()
    if lowered in _KNOWN:
        return lowered
    if len(lowered) >= 3:
        for known in _KNOWN:
            if known.startswith(lowered):
                return known
    close = difflib.get_close_matches(lowered, _KNOWN, n=1, cutoff=0.8)
    return close[0] if close else None


def _split(item: Mapping[Any, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Known fields apart from the rest; a nested ``metadata`` mapping joins the rest."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    nested = item.get("metadata")
    if isinstance(nested, Mapping):
        extra.update({str(k): v for k, v in nested.items()})
    for key, value in item.items():
        if key == "metadata" and isinstance(nested, Mapping):
            continue
        if key in _KNOWN and key != "metadata":
            fields[key] = value
        else:
            extra[str(key)] = value
    return fields, extra


def _unknown_key_note(key: str) -> str:
    meant = did_you_mean(key)
    if meant is None or meant == "metadata":
        return ""
    return f"unknown key {key!r} kept in metadata; did you mean {meant!r}?"


def _missing_text(label: str, text: Any, extra: Mapping[str, Any]) -> str:
    reason = f"{label}: text must be a str, got {type(text).__name__}"
    meant = [key for key in extra if did_you_mean(key) == "text"]
    return f"{reason} (is {meant[0]!r} meant to be 'text'?)" if meant else reason


def _typed_values(fields: Mapping[str, Any], label: str) -> tuple[dict[str, Any], list[str]]:
    """The usable metadata values, and a note for each one that is not."""
    values: dict[str, Any] = {}
    notes: list[str] = []
    for key in _STRINGS:
        value = fields.get(key)
        if value is None or isinstance(value, str):
            values[key] = value
        else:
            notes.append(f"{label}: {key} must be a str, got {type(value).__name__}")
    try:
        values["published"] = _PUBLISHED.validate_python(fields.get("published"))
    except ValidationError:
        notes.append(
            f"{label}: published {fields.get('published')!r} is not an ISO 8601 date or datetime"
        )
    return values, notes


def _json_ready(extra: Mapping[str, Any], label: str) -> tuple[dict[str, JsonValue], list[str]]:
    """The metadata values that are JSON values; a note for each one that is not."""
    kept: dict[str, JsonValue] = {}
    notes: list[str] = []
    for key, value in extra.items():
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            notes.append(f"{label}: metadata {key!r} is not a JSON value; dropped")
            continue
        kept[key] = value
    return kept, notes


def _unusable(index: int, item: Any, fields: Mapping[str, Any], reason: str) -> Intake:
    raw = fields.get("text")
    text = raw if isinstance(raw, str) and _first_unencodable(raw) is None else None
    doc_id = fields.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        doc_id = document_id(text) if text is not None else _invalid_id(item)
    return Intake(index, text or "", ArticleMeta(id=doc_id), error=reason)


def _invalid_id(item: Any) -> str:
    """A stable id for an input without usable text: the same however the stream is split."""
    digest = hashlib.sha256(f"{type(item).__name__}:{item!r}"[:10_000].encode("utf-8", "replace"))
    return f"invalid-{digest.hexdigest()[:16]}"


def _first_unencodable(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return int(exc.start)
    return None
