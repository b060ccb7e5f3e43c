"""The built-in ``actors`` extractor and the :class:`ActorIndex` it publishes."""

from communique.capabilities import ActorIndex, LocatedMention
from communique.extractors.actors.extractor import ActorExtractor

__all__ = ["ActorExtractor", "ActorIndex", "LocatedMention"]
