"""The built-in ``quotes`` extractor: direct, indirect and mixed quotations with speakers."""

from communique.extractors.quotes.extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
