"""Faster stand-ins for spaCy's rule components, identical to them by construction.

spaCy's ``attribute_ruler`` and rule ``lemmatizer`` are pure rules, yet they cost about a
fifth of ``en_core_web_sm``'s parse time: the ruler runs a generic Matcher and builds a Span
per match, the lemmatizer makes Token and MorphAnalysis objects for every token. Both results
depend on a few token attributes only, so they can be computed once per distinct key and
looked up:

* :class:`FastAttributeRuler` reads exactly the attributes the ruler's patterns test, decides
  which patterns match each distinct combination once, and then applies the same attribute
  dicts (spaCy's own ``set_token_attrs``) in the same order (later rules win). It accepts
  only patterns of simple forms (single or consecutive tokens, equality, ``IN``, ``NOT_IN``
  ``REGEX`` on attributes read by :data:`MATCH_ATTRS`; no operators, no extension attributes); any
  other pattern keeps spaCy's component.
* :class:`FastLemmatizer` asks spaCy's own lemmatizer once per ``(orth, pos, morph)``, the
  exact key its rule reads (spaCy caches on the same key), and writes the lemmas in one
  array call.

:func:`install` swaps them in under the original names; ``nlp.pipe_names`` does not change.
``tests/test_fast_components.py`` checks tag, pos, morph and lemma token for token against
spaCy's components.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["FastAttributeRuler", "FastLemmatizer", "Unsupported", "install"]

MATCH_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT")
"""Token attributes a compiled pattern may test (their Matcher value is ``Doc.to_array``'s)."""

_SET_ATTRS = ("POS", "TAG", "MORPH", "LEMMA", "DEP")
"""Attributes a rule may set: plain per-token assignments in spaCy's ``set_token_attrs``."""

_FACTORY = "communique_fast_rules"


class Unsupported(ValueError):
    """A component (or one of its patterns) has a form the fast version does not handle."""


Condition = tuple[int, str, Any]
"""(column, kind, value): kind ``eq`` (value an int), ``in`` or ``not_in`` (a frozenset of
hashes), ``regex`` (a compiled pattern searched in the attribute's string, as spaCy does)."""


class FastAttributeRuler:
    """spaCy's ``AttributeRuler`` with its Matcher replaced by lookups on token attributes.

    Raises:
        Unsupported: a pattern or attribute dict is not of a supported form.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        self.original = ruler
        self.vocab = ruler.vocab
        rules = _ruler_rules(ruler)
        names = sorted({a for _, specs, _, _ in rules for spec in specs for a in spec})
        if not names:
            raise Unsupported("no pattern tests a token attribute")
        self.columns = [IDS[name] for name in names]
        specs: dict[tuple[Condition, ...], int] = {}
        self._single: list[tuple[int, int]] = []  # (spec bit, rule id)
        self._multi: list[tuple[tuple[int, ...], int, int]] = []  # (spec bits, index, rule id)
        for rule_id, pattern_specs, index, _ in rules:
            bits = [
                1 << specs.setdefault(_conditions(spec, names, self.vocab), len(specs))
                for spec in pattern_specs
            ]
            if len(bits) == 1:
                self._single.append((bits[0], rule_id))
            else:
                self._multi.append((tuple(bits), index % len(bits), rule_id))
        self._attrs: list[dict[int, int]] = list(ruler.attrs)
        # Per column: the specs testing it (bit, their tests there), and the bits of the rest.
        self._tests: list[list[tuple[int, list[Condition]]]] = [[] for _ in names]
        self._free = [0] * len(names)
        self._equal: list[dict[int, int]] = [{} for _ in names]
        for conditions, k in specs.items():
            for col in range(len(names)):
                tests = [c for c in conditions if c[0] == col]
                if len(tests) == 1 and tests[0][1] == "eq":  # the common case: a lookup
                    equal = self._equal[col]
                    equal[tests[0][2]] = equal.get(tests[0][2], 0) | 1 << k
                elif tests:
                    self._tests[col].append((1 << k, tests))
                else:
                    self._free[col] |= 1 << k
        self._tables: list[dict[int, int]] = [{} for _ in names]
        self._by_mask: dict[int, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        masks = self._masks(doc.to_array(self.columns).T.tolist())
        targets: dict[int, tuple[int, ...]] = {}
        for i, mask in enumerate(masks):
            rule_ids = self._by_mask.get(mask)
            if rule_ids is None:
                rule_ids = tuple(r for bit, r in self._single if mask & bit)
                self._by_mask[mask] = rule_ids
            if rule_ids:
                targets[i] = rule_ids
        last = len(masks)
        for bits, index, rule_id in self._multi:
            first, rest = bits[0], tuple(enumerate(bits))[1:]
            for start in [s for s, mask in enumerate(masks) if mask & first]:
                if start + len(bits) <= last and all(masks[start + k] & b for k, b in rest):
                    i = start + index
                    targets[i] = tuple(sorted({*targets.get(i, ()), rule_id}))
        for i, rule_ids in targets.items():
            set_token_attrs(doc[i], self._merge(rule_ids))
        return doc

    def _masks(self, columns: list[list[int]]) -> list[int]:
        """Per token, bit k set when token spec k matches it: the AND of each column's bits."""
        masks: list[int] | None = None
        for col, values in enumerate(columns):
            table = self._tables[col]
            bits = [table[v] if v in table else self._column_bits(col, v) for v in values]
            masks = bits if masks is None else [a & b for a, b in zip(masks, bits, strict=True)]
        return masks or []

    def _column_bits(self, col: int, value: int) -> int:
        """Bits of the specs whose tests on column ``col`` hold for ``value`` (or with none)."""
        bits = self._free[col] | self._equal[col].get(value, 0)
        for bit, tests in self._tests[col]:
            if all(_holds(value, kind, expected) for _, kind, expected in tests):
                bits |= bit
        self._tables[col][value] = bits
        return bits

    def _merge(self, rule_ids: tuple[int, ...]) -> dict[int, int]:
        """The attribute dicts of ``rule_ids`` applied in order: a later rule wins."""
        merged = self._merged.get(rule_ids)
        if merged is None:
            merged = {}
            for rule_id in rule_ids:
                merged.update(self._attrs[rule_id])
            self._merged[rule_ids] = merged
        return merged

    def pipe(self, stream: Any, *, batch_size: int = 128) -> Any:
        """Process a stream of Docs (what ``nlp.pipe`` calls)."""
        for doc in stream:
            yield self(doc)


class FastLemmatizer:
    """spaCy's rule (or lookup) lemmatizer, asked once per ``(orth, pos, morph)``.

    Raises:
        Unsupported: a lemmatizer class or mode whose result may read other attributes.
    """

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer):
            raise Unsupported(f"lemmatizer class {type(lemmatizer).__name__}")
        if lemmatizer.mode not in ("rule", "lookup"):
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode!r}")
        self.original = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer = self.original
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        strings = doc.vocab.strings
        overwrite = lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = self._cache.get(key)
                if value is None:
                    value = strings.add(lemmatizer.lemmatize(doc[i])[0])
                    self._cache[key] = value
                lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, stream: Any, *, batch_size: int = 128) -> Any:
        """Process a stream of Docs (what ``nlp.pipe`` calls)."""
        for doc in stream:
            yield self(doc)


def install(nlp: Any) -> dict[str, str]:
    """Replace ``attribute_ruler`` and ``lemmatizer`` in ``nlp`` by their fast versions.

    Returns, for each of the two present, ``"fast"`` or why spaCy's own is kept.
    """
    from spacy.language import Language

    if _FACTORY not in Language.factories:
        Language.factory(_FACTORY, default_config={"source": ""}, func=_make)
    report: dict[str, str] = {}
    for name in ("attribute_ruler", "lemmatizer"):
        if name not in nlp.pipe_names:
            continue
        try:
            _make(nlp, name, name)
        except Unsupported as exc:
            report[name] = f"spaCy's own: {exc}"
            continue
        temporary = f"{name}__fast"
        nlp.add_pipe(_FACTORY, name=temporary, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
        report[name] = "fast"
    return report


def _make(nlp: Any, name: str, source: str) -> FastAttributeRuler | FastLemmatizer:
    """The factory: the fast version of the component named ``source`` in ``nlp``."""
    from spacy.pipeline import AttributeRuler

    original = nlp.get_pipe(source)
    if isinstance(original, AttributeRuler):
        return FastAttributeRuler(original)
    return FastLemmatizer(original)


def _ruler_rules(ruler: Any) -> list[tuple[int, list[dict[str, Any]], int, dict[int, int]]]:
    """(rule id, token specs, index, normalised attrs) per pattern, in the ruler's order."""
    rules = []
    for rule_id, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        unnormed = ruler._attrs_unnormed[rule_id]
        if not set(map(str.upper, unnormed)) <= set(_SET_ATTRS):
            raise Unsupported(f"rule {rule_id} sets {sorted(unnormed)}")
        for pattern in ruler.matcher.get(str(rule_id))[1]:
            if not isinstance(pattern, list) or not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {rule_id}: pattern form or index {index}")
            specs = [_spec(token) for token in pattern]
            rules.append((rule_id, specs, index, attrs))
    return rules


def _spec(token: Any) -> dict[str, Any]:
    """One token pattern with its keys normalised (``TEXT`` is ``ORTH``)."""
    if not isinstance(token, dict):
        raise Unsupported(f"token pattern {token!r}")
    spec = {}
    for key, value in token.items():
        name = "ORTH" if str(key).upper() == "TEXT" else str(key).upper()
        if name not in MATCH_ATTRS:
            raise Unsupported(f"pattern attribute {key!r}")
        if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN", "REGEX"}:
            raise Unsupported(f"pattern predicate {sorted(value)}")
        if isinstance(value, dict) and "REGEX" in value and name.startswith("IS_"):
            raise Unsupported(f"REGEX on flag {name}")
        spec[name] = value
    return spec


def _conditions(spec: dict[str, Any], names: Sequence[str], vocab: Any) -> tuple[Condition, ...]:
    """The spec as (column, kind, value) tests on ``Doc.to_array`` values (hashes, flags)."""
    conditions: list[Condition] = []
    for name, value in sorted(spec.items()):
        col = names.index(name)
        if isinstance(value, dict):
            for kind, items in sorted(value.items()):
                if kind == "REGEX":  # spaCy searches the attribute's string
                    conditions.append((col, "regex", (re.compile(items), vocab.strings)))
                else:
                    hashed = frozenset(_value(v, vocab) for v in items)
                    conditions.append((col, kind.lower(), hashed))
        else:
            conditions.append((col, "eq", _value(value, vocab)))
    return tuple(conditions)


def _value(value: Any, vocab: Any) -> int:
    """A pattern value as the Matcher compares it: strings hashed, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(vocab.strings.as_int(value))
    raise Unsupported(f"pattern value {value!r}")


def _holds(actual: int, kind: str, value: Any) -> bool:
    if kind == "eq":
        return bool(actual == value)
    if kind == "in":
        return actual in value
    if kind == "regex":
        pattern, strings = value
        return bool(pattern.search(strings[actual]))
    return actual not in value
