"""The corpus: storing Articles in SQLite, linking actors across articles, and querying."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Mention,
    MentionForm,
    Party,
    Pipeline,
    Quote,
    QuoteKind,
    Span,
)
from communique.corpus import Corpus, LinkKey
from communique.corpus.rows import COLUMNS
from communique.corpus.schema import V1, VERSION

from conftest import SEED_PUBLISHED

SHORT = [
    {"id": f"short-{i}", "published": f"2016-09-0{i}", "text": text}
    for i, text in enumerate(
        [
            "John Kerry said the truce would hold. Russia and the United States agreed to a "
            "ceasefire in Aleppo on Friday.",
            "Sergei Lavrov said Moscow was ready to talk. “We want peace,” Lavrov said.",
            "The rebels rejected the deal, a spokesman said.",
            "John Kerry told reporters that the talks were going well.",
            "Turkey and Russia signed a trade agreement, officials said on Monday.",
            "Nothing was said here at all.",
        ],
        start=1,
    )
]


def said(
    article_id: str,
    speakers: list[tuple[str, ActorKind, str | None, str | None, str]],
    published: str = "2016-08-26",
) -> Article:
    """An Article in which each speaker (name, kind, country, kb_id) says one sentence."""
    text, actors, quotes = "", [], []
    for n, (name, kind, country, kb_id, words) in enumerate(speakers, 1):
        start = len(text)
        text += f"{name} said {words}. "
        mention = Span.of(text, start, start + len(name))
        cue = Span.of(text, mention.end + 1, mention.end + 5)
        content = Span.of(text, cue.end + 1, cue.end + 1 + len(words))
        actor_id = f"actor-{n}"
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                kind=kind,
                country=country,
                kb_id=kb_id,
                aliases=(name.split()[-1],) if " " in name else (),
                mentions=(Mention(span=mention, form=MentionForm.NAME),),
            )
        )
        quotes.append(
            Quote(
                id=f"quote-{n}",
                kind=QuoteKind.INDIRECT,
                content=content,
                cue=cue,
                speaker_mention=mention,
                speaker_id=actor_id,
            )
        )
    return Article(
        id=article_id, text=text, published=published, actors=tuple(actors), quotes=tuple(quotes)
    )


PERSON = ActorKind.PERSON


def counts(corpus: Corpus) -> dict[str, int]:
    conn = corpus.connection
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COLUMNS}


def test_add_skips_or_replaces_and_round_trips(tmp_path: Path, seed_article: Article) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.add([seed_article]) == 1
        assert corpus.add([seed_article]) == 0
        assert len(corpus) == 1
        before = counts(corpus)
        assert corpus.add([seed_article], replace=True) == 0
        assert counts(corpus) == before
        assert corpus.article(seed_article.id) == seed_article
        assert before["quotes"] == len(seed_article.quotes) > 0
        assert before["actors"] == len(seed_article.actors)
        with pytest.raises(KeyError):
            corpus.article("no-such-article")


def test_article_equals_extract_for_the_same_input(
    tmp_path: Path, pipeline: Pipeline, seed_text: str
) -> None:
    item = {"id": "seed", "text": seed_text, "published": SEED_PUBLISHED, "title": "Geneva"}
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.ingest([item], pipeline)
        stored = corpus.article("seed")
    assert stored == pipeline.extract(
        seed_text, id="seed", published=SEED_PUBLISHED, title="Geneva"
    )
    assert stored.published is not None and stored.published.isoformat() == SEED_PUBLISHED


def test_reingest_gives_the_same_counts(tmp_path: Path, pipeline: Pipeline) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        first = corpus.ingest(SHORT, pipeline, batch_size=2)
        after_first = counts(corpus)
        second = corpus.ingest(SHORT, pipeline, batch_size=2)
        assert (first.stored, first.skipped, first.failed) == (len(SHORT), 0, 0)
        assert (second.stored, second.skipped) == (0, len(SHORT))
        assert counts(corpus) == after_first
        assert len(corpus) == len(SHORT)
        assert after_first["quotes"] == sum(len(corpus.article(i["id"]).quotes) for i in SHORT)
        third = corpus.ingest(SHORT[:2], pipeline, replace=True)
        assert third.stored == 2 and counts(corpus) == after_first


def test_failed_inputs_are_counted_not_stored(tmp_path: Path, pipeline: Pipeline) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.ingest([{"id": "ok", "text": "Kerry spoke."}, {"id": "bad"}], pipeline)
        assert (report.stored, report.failed) == (1, 1)
        assert "bad" not in corpus and "ok" in corpus


def test_one_person_across_articles_is_one_entity(tmp_path: Path) -> None:
    articles = [
        said(f"a{i}", [("John Kerry", PERSON, "USA", None, f"point {i}")]) for i in range(5)
    ]
    articles.append(said("b", [("JOHN KERRY", PERSON, None, None, "unsure")]))
    articles.append(said("c", [("John Smith", PERSON, None, None, "nothing about Kerry")]))
    articles.append(said("d", [("Kerry", PERSON, None, None, "only the surname")]))
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(articles)
        kerry = corpus.entities(name="john kerry")
        assert len(kerry) == 1
        assert (kerry[0]["name"], kerry[0]["articles"], kerry[0]["quotes"]) == (
            "John Kerry",
            7,
            7,
        )
        assert kerry[0]["country"] == "USA" and "Kerry" in kerry[0]["aliases"]
        assert corpus.entities(name="Kerry") == kerry  # an alias finds it too
        found = corpus.quotes(speaker="kerry")
        assert {row["article_id"] for row in found} == {"a0", "a1", "a2", "a3", "a4", "b", "d"}
        assert all(row["speaker"] == "John Kerry" for row in found)
        assert corpus.quotes(speaker="Smith")[0]["text"] == "nothing about Kerry"
        assert corpus.quotes(speaker="nobody") == []
        corpus.add([said("d", [("Ann Lee", PERSON, None, None, "replaced")])], replace=True)
        assert [(e["articles"], e["quotes"]) for e in corpus.entities(name="Kerry")] == [(6, 6)]
        assert corpus.entities(name="Ann Lee")[0]["quotes"] == 1


def test_country_and_kb_id_in_the_link_rule(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(
            [
                said("us", [("John Smith", PERSON, "USA", None, "one")]),
                said("gb", [("John Smith", PERSON, "GBR", None, "two")]),
                said("xx", [("John Smith", PERSON, None, None, "three")]),
                said("k1", [("Barack Obama", PERSON, None, "oeda:OBAMA", "four")]),
                said("k2", [("President Obama", PERSON, None, "oeda:OBAMA", "five")]),
                said("org", [("John Smith", ActorKind.ORGANIZATION, None, None, "six")]),
            ]
        )
        smiths = corpus.entities(name="John Smith", kind="person")
        assert sorted(e["country"] for e in smiths) == ["GBR", "USA"]
        assert sum(e["articles"] for e in smiths) == 3  # the unknown-country one joined one
        assert len(corpus.entities(name="John Smith", kind="organization")) == 1
        obama = corpus.entities(name="President Obama")
        assert len(obama) == 1 and obama[0]["articles"] == 2
        assert obama[0]["kb_id"] == "oeda:OBAMA"


def test_an_ambiguous_surname_is_not_guessed(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(
            [
                said("a", [("John Smith", PERSON, None, None, "one")]),
                said("b", [("Jane Smith", PERSON, None, None, "two")]),
                said("c", [("Smith", PERSON, None, None, "three")]),
            ]
        )
        assert len(corpus.entities(name="Smith")) == 3
        assert [e["articles"] for e in corpus.entities(name="John Smith")] == [1]


def test_the_link_rule_is_replaceable(tmp_path: Path) -> None:
    def by_surname(actor: Actor) -> LinkKey:
        return LinkKey(actor.name.split()[-1].casefold())

    with Corpus(tmp_path / "c.db", link=by_surname) as corpus:
        corpus.add(
            [
                said("a", [("John Kerry", PERSON, None, None, "one")]),
                said("b", [("Secretary Kerry", PERSON, None, None, "two")]),
            ]
        )
        assert [e["articles"] for e in corpus.entities(name="Secretary Kerry")] == [2]


def test_quote_filters(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(
            [
                said("early", [("Ann Lee", PERSON, None, None, "the truce holds")], "2016-01-05"),
                said("late", [("Ann Lee", PERSON, None, None, "the war goes on")], "2016-12-30"),
                said(
                    "dated",
                    [("Bo Chan", PERSON, None, None, "the TRUCE failed")],
                    "2016-12-30T09:00:00",
                ),
            ]
        )
        assert [r["article_id"] for r in corpus.quotes(contains="truce")] == ["early", "dated"]
        assert [r["article_id"] for r in corpus.quotes(contains="truce failed")] == ["dated"]
        assert corpus.quotes(contains='"truce" OR war') == []  # operators are taken literally
        assert [r["article_id"] for r in corpus.quotes(since="2016-06-01")] == ["late", "dated"]
        assert [r["article_id"] for r in corpus.quotes(until="2016-12-30")] == [
            "early",
            "late",
            "dated",
        ]
        assert [r["article_id"] for r in corpus.quotes(until="2016-12-29")] == ["early"]
        assert corpus.quotes(kind="direct") == []
        assert len(corpus.quotes(kind="indirect", limit=2)) == 2
        row = corpus.quotes(speaker="lee", contains="war")[0]
        assert set(row) >= {
            "article_id",
            "published",
            "speaker",
            "entity_id",
            "kind",
            "text",
            "cue",
        }
        assert (row["speaker"], row["cue"], row["published"]) == ("Ann Lee", "said", "2016-12-30")


def test_agreement_filters(tmp_path: Path) -> None:
    base = said("deal", [("Russia", ActorKind.COUNTRY, "RUS", None, "a truce was agreed")])
    text = base.text
    russia = base.actors[0]
    start = text.index("a truce")
    turkey_text = text + "Turkey agreed."
    turkey = Actor(
        id="actor-2",
        name="Turkey",
        kind=ActorKind.COUNTRY,
        country="TUR",
        mentions=(
            Mention(span=Span.of(turkey_text, len(text), len(text) + 6), form=MentionForm.NAME),
        ),
    )
    truce = Agreement(
        id="agreement-1",
        kind=AgreementKind.TRUCE,
        status=AgreementStatus.REACHED,
        parties=(Party(actor_id=russia.id), Party(actor_id="actor-2")),
        evidence=(Span.of(turkey_text, start, start + 7),),
    )
    article = base.model_copy(
        update={"text": turkey_text, "actors": (russia, turkey), "agreements": (truce,)}
    )
    article = Article.model_validate(article.model_dump())
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([article])
        rows = corpus.agreements(party="turkey")
        assert len(rows) == 1
        assert rows[0]["parties"][0]["name"] == "Russia"
        assert [p["role"] for p in rows[0]["parties"]] == ["party", "party"]
        assert (rows[0]["kind"], rows[0]["status"], rows[0]["published"]) == (
            "truce",
            "reached",
            "2016-08-26",
        )
        assert corpus.agreements(status="signed") == []
        assert corpus.agreements(kind="truce", since="2016-08-26") == rows
        assert corpus.agreements(party="Ann Lee") == []


def test_the_file_opens_with_stdlib_sqlite3(tmp_path: Path, seed_article: Article) -> None:
    path = tmp_path / "c.db"
    with Corpus(path) as corpus:
        corpus.add([seed_article])
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names >= {"articles", "actors", "quotes", "agreements", "agreement_parties", "entities"}
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == VERSION
    parents = {row[2] for row in conn.execute("PRAGMA foreign_key_list(quotes)")}
    assert parents == {"articles", "actors", "entities"}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(
        str(row[3])
        for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM quotes WHERE entity_id = 1 ORDER BY published"
        )
    )
    assert "quotes_entity" in plan
    conn.close()


def test_a_version_1_file_is_migrated(tmp_path: Path) -> None:
    article = said("old", [("John Kerry", PERSON, "USA", None, "the old times")])
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in V1:
        conn.execute(statement)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT)")
    conn.execute("INSERT INTO schema_version VALUES (1, 'first')")
    conn.execute(
        "INSERT INTO articles (id, language, metadata, n_actors, n_quotes, n_agreements, "
        "n_problems, record, published) VALUES (?, 'en', '{}', 1, 1, 0, 0, ?, '2016-08-26')",
        (article.id, article.model_dump_json()),
    )
    conn.commit()
    conn.close()
    with Corpus(path) as corpus:
        assert len(corpus) == 1
        assert corpus.article("old") == article
        assert [r["text"] for r in corpus.quotes(speaker="Kerry", contains="old")] == [
            "the old times"
        ]
        assert corpus.entities()[0]["articles"] == 1


def test_a_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Corpus(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="schema version"):
        Corpus(path)
