"""Browse a corpus with Datasette (``pip install communique[serve]``).

Datasette gives every table a browsable, filterable, faceted page and runs SQL; this module
adds what a corpus reader needs first: full-text search on the quotes table and three canned
queries ("quotes by speaker", "agreements by party", "entity timeline"), each a form with one
box. Names match an entity's name or alias, ignoring ASCII case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_ENTITY = "SELECT entity_id FROM entity_names WHERE folded = lower(trim(:{param}))"

QUOTES_BY_SPEAKER = f"""SELECT q.published, e.name AS speaker, q.kind, q.text, q.cue,
  q.article_id, a.title
FROM quotes q
JOIN entities e ON e.id = q.entity_id
JOIN articles a ON a.id = q.article_id
WHERE q.entity_id IN ({_ENTITY.format(param="speaker")})
ORDER BY q.published, q.article_id, q.start"""

AGREEMENTS_BY_PARTY = f"""SELECT g.published, g.kind, g.status, g.date,
  (SELECT group_concat(name || ' (' || role || ')', '; ') FROM (
     SELECT COALESCE(e.name, p.actor_id) AS name, p.role FROM agreement_parties p
     LEFT JOIN entities e ON e.id = p.entity_id
     WHERE p.agreement = g.id ORDER BY p.position)) AS parties,
  g.location, g.article_id, a.title
FROM agreements g
JOIN articles a ON a.id = g.article_id
WHERE g.id IN (SELECT agreement FROM agreement_parties
               WHERE entity_id IN ({_ENTITY.format(param="party")}))
ORDER BY g.published, g.article_id, g.agreement_id"""

ENTITY_TIMELINE = f"""WITH wanted AS ({_ENTITY.format(param="name")}),
mentioned AS (SELECT DISTINCT article_id FROM actors WHERE entity_id IN wanted)
SELECT substr(a.published, 1, 10) AS day,
  COUNT(*) AS articles,
  (SELECT COUNT(*) FROM quotes q WHERE q.entity_id IN wanted
     AND substr(q.published, 1, 10) IS substr(a.published, 1, 10)) AS quotes,
  group_concat(COALESCE(a.title, a.id), ' | ') AS titles
FROM mentioned m JOIN articles a ON a.id = m.article_id
GROUP BY day ORDER BY day"""


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a corpus file named ``database`` (its stem).

    Example:
        >>> sorted(metadata("news")["databases"]["news"]["queries"])
        ['agreements_by_party', 'entity_timeline', 'quotes_by_speaker']
    """
    queries = {
        "quotes_by_speaker": {
            "title": "Quotes by speaker",
            "description": "Everything a person or organisation is quoted as saying.",
            "sql": QUOTES_BY_SPEAKER,
        },
        "agreements_by_party": {
            "title": "Agreements by party",
            "description": "Agreements an entity is party, broker or proposer to.",
            "sql": AGREEMENTS_BY_PARTY,
        },
        "entity_timeline": {
            "title": "Entity timeline",
            "description": "Per day: articles mentioning the entity and quotes by it.",
            "sql": ENTITY_TIMELINE,
        },
    }
    tables = {
        "quotes": {"fts_table": "quotes_fts", "fts_pk": "id", "sort": "published"},
        "articles": {"hidden": False, "sort_desc": "published"},
    }
    return {
        "title": "communique corpus",
        "databases": {database: {"queries": queries, "tables": tables}},
    }


def app(path: Path) -> Any:
    """The Datasette instance for a corpus file (needs the ``serve`` extra)."""
    try:
        from datasette.app import Datasette
    except ImportError as exc:
        raise ImportError("serve needs Datasette: pip install 'communique[serve]'") from exc
    return Datasette([str(path)], metadata=metadata(path.stem))


def serve(path: Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the corpus at ``http://host:port/<stem>`` until interrupted."""
    import asyncio

    datasette = app(path)
    import uvicorn

    asyncio.run(datasette.invoke_startup())
    print(f"communique: serving {path} at http://{host}:{port}/{path.stem}", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")


__all__ = [
    "AGREEMENTS_BY_PARTY",
    "ENTITY_TIMELINE",
    "QUOTES_BY_SPEAKER",
    "app",
    "metadata",
    "serve",
]
