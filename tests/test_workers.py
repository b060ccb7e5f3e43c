"""Worker processes: the whole pipeline per worker, same Articles, no document lost."""

from __future__ import annotations

import os
import signal

import pytest

from communique import ExtractionContext, ExtractorResult, Pipeline, workers
from communique.extractor import BaseExtractor

from helpers import FirstWordActor, Plugin

PARENT = os.getpid()

pytestmark = pytest.mark.skipif(not workers.available(), reason="needs fork")


class KillsItsWorker(BaseExtractor):
    """SIGKILLs the worker process running it on a text that asks for it (never the parent)."""

    name = "killer"

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        if "KILL-ME" in ctx.text and os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        return ExtractorResult()


def texts() -> list[str]:
    out = [f"Lavrov said on Friday that Russia had agreed to talk {i}." for i in range(9)]
    out.insert(4, "Kerry said KILL-ME now.")
    return out


@pytest.fixture(scope="module")
def killer_pipeline() -> Pipeline:
    return Pipeline(plugins=[Plugin(FirstWordActor(), KillsItsWorker())], entry_points=False)


def test_a_killed_worker_loses_only_its_document(killer_pipeline: Pipeline) -> None:
    one = list(killer_pipeline.extract_many(texts(), batch_size=3))
    two = list(killer_pipeline.extract_many(texts(), batch_size=3, n_process=2))
    assert [a.id for a in two] == [a.id for a in one]
    for i, (a, b) in enumerate(zip(one, two, strict=True)):
        if i == 4:
            assert b.text == a.text and not b.actors
            assert [p.kind for p in b.problems] == ["extractor_error"]
            assert "worker process died" in b.problems[0].message
        else:
            assert b.model_dump_json() == a.model_dump_json()


def test_workers_report_extractor_seconds() -> None:
    pipeline = Pipeline(plugins=[Plugin(FirstWordActor())], entry_points=False)
    out = list(pipeline.extract_many(texts()[:4], n_process=2))
    assert len(out) == 4 and all(a.actors for a in out)
    assert pipeline.extractor_seconds()["first-word"] > 0


def test_short_stream_is_shared_between_workers() -> None:
    sizes = [len(t) for t in workers.tasks(range(40), batch_size=64, n_process=2)]  # type: ignore[arg-type]
    assert sizes == [10, 10, 10, 10]
    sizes = [len(t) for t in workers.tasks(range(300), batch_size=64, n_process=2)]  # type: ignore[arg-type]
    assert sizes[:4] == [64, 64, 64, 64] and sum(sizes) == 300


def _frozen(batch: list) -> tuple[list, dict[str, float]]:  # type: ignore[type-arg]
    import gc

    return [], {"frozen": float(gc.get_freeze_count())}


@pytest.mark.skipif(not workers.available(), reason="needs fork")
def test_workers_freeze_what_they_inherit() -> None:
    import gc

    held = [[i] for i in range(1000)]  # objects the parent holds when the pool forks
    seconds: dict[str, float] = {}
    list(workers.run(_frozen, [[], []], 2, seconds))
    assert seconds["frozen"] >= 2 * len(held)  # two tasks, each in a worker that froze them
    assert gc.get_freeze_count() == 0  # the parent is left alone
