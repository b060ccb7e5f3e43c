"""The built-in ``actors`` extractor and the :class:`ActorIndex` it publishes."""

from communique.extractors.actors.extractor import ActorExtractor
from communique.extractors.actors.index import ActorIndex, LocatedMention

__all__ = ["ActorExtractor", "ActorIndex", "LocatedMention"]
