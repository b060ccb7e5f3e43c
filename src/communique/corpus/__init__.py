"""A corpus: many Articles in one SQLite file, actors linked across articles, and queries.

Example::

    from communique.corpus import Corpus
    with Corpus("news.db") as corpus:
        corpus.ingest(["Kerry said the truce would hold.", ...])
        corpus.quotes(speaker="John Kerry", contains="truce", since="2016-01-01")

The tables are documented in ``docs/corpus.md``; :mod:`.linking` holds the rule that links
an actor to an entity, :mod:`.parquet` the Parquet export, :mod:`.commands` the CLI.
"""

from communique.corpus.linking import LinkKey, LinkRule, link_key, normalise_name
from communique.corpus.store import Corpus, IngestReport

__all__ = ["Corpus", "IngestReport", "LinkKey", "LinkRule", "link_key", "normalise_name"]
