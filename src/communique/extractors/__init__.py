"""Built-in extractors. Each subpackage is a plugin registered through the ``communique``
entry-point group, exactly like a third-party plugin:

- :mod:`communique.extractors.actors` — who is who (provides ``"actors"``);
- :mod:`communique.extractors.quotes` — who said what (requires ``"actors"``);
- :mod:`communique.extractors.agreements` — who agreed to what with whom.
"""
