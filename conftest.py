"""Names the docstring examples in ``src/communique`` may use (``pytest --doctest-modules``).

``nlp`` is the installed default spaCy pipeline, loaded once; examples that parse text use
it instead of each loading a model.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def _doctest_nlp() -> Any:
    import spacy

    from communique.nlp import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if not isinstance(request.node, pytest.DoctestItem):
        return  # the test suite proper needs none of this
    import communique

    doctest_namespace["communique"] = communique
    doctest_namespace["nlp"] = request.getfixturevalue("_doctest_nlp")
