"""Which language an article is written in, so English rules are not mined from German text.

Identification is done by `py3langid <https://github.com/adbar/py3langid>`_, a maintained,
faster fork of langid.py: 97 languages, its model ships inside the wheel (nothing is
downloaded); loading it takes a second or more, once per process, and an article a few
milliseconds, because only its opening :data:`SAMPLE_CHARS` characters are read. A text
with fewer than :data:`MIN_LETTERS` letters is too short to tell: then the declared language
stands (English when none is).

An identification counts only at :data:`CONFIDENCE` or above. A declared language is
trusted unless the text is confidently another one; a page that
declares ``en`` but is German is treated as German, and a problem says so.

Example:
    >>> identify("Die Regierung hat am Montag angekündigt, dass die Verhandlungen über "
    ...          "den Waffenstillstand in Genf fortgesetzt werden sollen.").language
    'de'
    >>> identify("Kerry spoke.") is None  # too short to tell
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "Identified",
    "decide_language",
    "identify",
    "primary",
]

MIN_LETTERS = 80
"""Letters a text needs before its language is identified (short texts mislead)."""

SAMPLE_CHARS = 500
"""Characters read from the start of a text; enough for a confident answer, and fast."""

CONFIDENCE = 0.95
"""Normalised probability at which an identification overrides what the input declared."""


@dataclass(frozen=True)
class Identified:
    """The language a text reads as (ISO 639-1 code) and the identifier's confidence."""

    language: str
    probability: float


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model, loaded once per process on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> Identified | None:
    """The language of ``text``, or None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return Identified(str(language), float(probability))


def primary(language: str) -> str:
    """The primary subtag of a language tag, lower-cased: ``"en-US"`` → ``"en"``.

    Example:
        >>> primary("en-US"), primary("DE")
        ('en', 'de')
    """
    return language.replace("_", "-").split("-", 1)[0].strip().lower()


def decide_language(
    text: str, declared: str | None, *, detect: bool = True
) -> tuple[str, list[str]]:
    """The article's language and notes on it: a declaration the text contradicts, and text
    that is not English (so English-only extractors will not run on it).

    Example:
        >>> decide_language("Kerry spoke.", None)
        ('en', [])
    """
    found = identify(text) if detect else None
    if found is not None and found.probability < CONFIDENCE:
        found = None
    notes: list[str] = []
    if declared:
        language = declared
        if found is not None and found.language != primary(declared):
            notes.append(
                f"declared language {declared!r} but the text reads as {_name(found.language)} "
                f"({found.language!r}, p={found.probability:.2f}); using {found.language!r}"
            )
            language = found.language
    else:
        language = found.language if found is not None else "en"
    if primary(language) != "en":
        notes.append(
            f"the text is in {_name(primary(language))} ({language!r}), not English: "
            "extractors that handle only English are not run on it"
        )
    return language, notes


def _name(code: str) -> str:
    """A language's English name from its ISO 639-1 code (pycountry), else the code."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code
