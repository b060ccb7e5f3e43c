"""Corpus queries on 100,000 generated stored quotes: each must answer in under 50 ms.

Usage::

    python benchmarks/corpus_queries.py                   # 100,000 quotes
    python benchmarks/corpus_queries.py --quotes 20000 --repeat 10

It builds a corpus of generated Articles (5,000 articles of 20 quotes by 2,000 speakers, 12
words each from a Zipf-distributed vocabulary, with agreements between countries, over two
years), then times each question of the API
(median and worst of ``--repeat`` runs, rows returned). No NLP is involved: the point is the
store and its indexes.

This is a script, not a timed test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from communique import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Party,
    Quote,
    QuoteKind,
    Span,
)
from communique.corpus import Corpus

WORDS = (
    "truce ceasefire talks aid convoy border election budget strike tariff sanctions "
    "refugees hospital school vaccine pipeline harbour airport bridge court ruling "
    "minister parliament summit treaty deal peace war oil grain drought flood"
).split()
# A Zipf-distributed vocabulary of 5,000 words, as in running text: the topical words sit
# at ranks 40 to 70, so each is in about 2-3% of quotes; "w0" is in most of them.
VOCAB = [f"w{rank}" for rank in range(5000)]
VOCAB[40 : 40 + len(WORDS)] = WORDS
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCAB))]
COUNTRIES = [("Russia", "RUS"), ("Turkey", "TUR"), ("Iran", "IRN"), ("France", "FRA")]


def article(n: int, rng: random.Random, speakers: int, per_article: int) -> Article:
    """One generated article: ``per_article`` quotes by random speakers, one agreement."""
    text, actors, quotes, ids = "", [], [], {}
    for k in range(per_article):
        who = rng.randrange(speakers)
        name = f"Speaker{who} Person{who % 97}"
        if who not in ids:
            ids[who] = f"actor-{len(ids) + 1}"
            actors.append(Actor(id=ids[who], name=name, kind=ActorKind.PERSON))
        words = " ".join(rng.choices(VOCAB, WEIGHTS, k=12))
        start = len(text)
        text += f"{name} said {words}. "
        content = Span.of(text, start + len(name) + 6, len(text) - 2)
        quotes.append(
            Quote(
                id=f"quote-{k + 1}",
                kind=QuoteKind.INDIRECT,
                content=content,
                cue=Span.of(text, start + len(name) + 1, start + len(name) + 5),
                speaker_id=ids[who],
            )
        )
    (a, a_code), (b, b_code) = rng.sample(COUNTRIES, 2)
    text += f"{a} and {b} agreed."
    actors += [
        Actor(id="actor-a", name=a, kind=ActorKind.COUNTRY, country=a_code),
        Actor(id="actor-b", name=b, kind=ActorKind.COUNTRY, country=b_code),
    ]
    agreement = Agreement(
        id="agreement-1",
        kind=rng.choice([AgreementKind.CEASEFIRE, AgreementKind.DEAL]),
        status=rng.choice([AgreementStatus.REACHED, AgreementStatus.COLLAPSED]),
        parties=(Party(actor_id="actor-a"), Party(actor_id="actor-b")),
    )
    published = dt.date(2015, 1, 1) + dt.timedelta(days=n % 730)
    return Article(
        id=f"gen-{n}",
        text=text,
        published=published,
        actors=tuple(actors),
        quotes=tuple(quotes),
        agreements=(agreement,),
    )


def generated(total: int, speakers: int, per_article: int) -> Iterator[Article]:
    rng = random.Random(17)
    for n in range(total // per_article):
        yield article(n, rng, speakers, per_article)


def timed(call: Callable[[], list[Any]], repeat: int) -> tuple[float, float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(call())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, max(times) * 1000, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--speakers", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Corpus(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        store.add(generated(args.quotes, args.speakers, 20))
        built = time.perf_counter() - start
        stored = store.connection.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        print(f"{len(store):,} articles, {stored:,} quotes stored in {built:.1f} s")
        questions: dict[str, Callable[[], list[Any]]] = {
            "quotes(speaker=)": lambda: store.quotes(speaker="Speaker42 Person42"),
            "quotes(speaker=, since=, until=)": lambda: store.quotes(
                speaker="speaker42 person42", since="2015-06-01", until="2015-12-31"
            ),
            "quotes(contains=one word, limit=100)": lambda: store.quotes(
                contains="truce", limit=100
            ),
            "quotes(contains=two words)": lambda: store.quotes(contains="truce convoy"),
            "quotes(contains=, speaker=)": lambda: store.quotes(
                speaker="Speaker7 Person7", contains="ceasefire"
            ),
            "quotes(contains=word in most quotes, limit=100)": lambda: store.quotes(
                contains="w0", limit=100
            ),
            "quotes(kind=, since=, limit=100)": lambda: store.quotes(
                kind="indirect", since="2016-06-01", limit=100
            ),
            "agreements(party=, status=)": lambda: store.agreements(
                party="Turkey", status="collapsed", since="2016-12-01"
            ),
            "entities(name=)": lambda: store.entities(name="speaker42 person42"),
            "entities(kind=country)": lambda: store.entities(kind="country"),
            "entities(limit=20) (most quoted first)": lambda: store.entities(limit=20),
            "entities() (all 2,000, most quoted first)": lambda: store.entities(),
        }
        print(f"{'question':50} {'median ms':>10} {'worst ms':>10} {'rows':>7}")
        for label, call in questions.items():
            median, worst, rows = timed(call, args.repeat)
            flag = "" if median < 50 else "  (over 50 ms)"
            print(f"{label:50} {median:10.1f} {worst:10.1f} {rows:7d}{flag}")


if __name__ == "__main__":
    main()
