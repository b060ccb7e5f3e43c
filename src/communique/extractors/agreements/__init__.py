"""The built-in ``agreements`` extractor: ceasefires, truces, deals and treaties."""

from communique.extractors.agreements.extractor import AgreementExtractor

__all__ = ["AgreementExtractor"]
