"""Worker processes that do the whole job: parse, run the extractors, return finished Articles.

spaCy's own ``nlp.pipe(n_process=...)`` parses in workers but sends every Doc back to the
parent, which deserialises it and runs all the extractors: three busy processes on two cores,
and a model loaded again in every worker. Here the parent loads the model and warms the
knowledge base (the OEDA phrase matcher included) once, then *forks*: each worker starts with
all of it already in memory, runs the whole pipeline on its share, and sends back pickled
Articles. The parent only reads inputs and yields Articles, in input order.

A worker that dies (killed, out of memory, a crash in native code) does not lose its batch:
its documents are run again one by one in fresh workers, and a document that kills a worker
again becomes an Article whose problem says so. Where ``fork`` is unavailable (Windows),
:func:`available` is False and the pipeline keeps spaCy's own worker processes.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from communique.intake import Intake
from communique.models import Article, Problem

__all__ = ["Work", "available", "run", "tasks"]

Work = Callable[[list[Intake]], tuple[list[Article], dict[str, float]]]
"""What a worker runs on one task: its Articles, and seconds spent per extractor."""

_work: Work | None = None
"""In a worker: the parent's work function, handed over at fork (never pickled)."""


def available() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def tasks(intakes: Iterable[Intake], batch_size: int, n_process: int) -> Iterator[list[Intake]]:
    """Cut the stream into tasks of ``batch_size`` inputs; a short stream (or its tail) is
    cut into ``2 * n_process`` smaller tasks so that every worker gets a share.

    Example:
        >>> [len(t) for t in tasks(range(10), batch_size=4, n_process=2)]  # type: ignore
        [4, 4, 1, 1]
    """
    stream = iter(intakes)
    window = batch_size * n_process
    while True:
        buffer = list(islice(stream, window))
        if not buffer:
            return
        size = batch_size if len(buffer) == window else -(-len(buffer) // (2 * n_process))
        for start in range(0, len(buffer), size):
            yield buffer[start : start + size]


def run(
    work: Work,
    batches: Iterable[list[Intake]],
    n_process: int,
    seconds: dict[str, float],
) -> Iterator[Article]:
    """Run ``work`` over ``batches`` in ``n_process`` forked workers; Articles in input order.

    At most ``2 * n_process`` tasks are in flight, so memory stays bounded on a long stream.
    ``seconds`` receives the workers' time per extractor.
    """
    pool = _pool(n_process, work)
    pending: deque[tuple[list[Intake], Future[tuple[list[Article], dict[str, float]]]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(_run, batch)))
            while len(pending) >= 2 * n_process:
                articles, pool = _collect(pending, pool, work, n_process, seconds)
                yield from articles
        while pending:
            articles, pool = _collect(pending, pool, work, n_process, seconds)
            yield from articles
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    pending: deque[tuple[list[Intake], Future[tuple[list[Article], dict[str, float]]]]],
    pool: ProcessPoolExecutor,
    work: Work,
    n_process: int,
    seconds: dict[str, float],
) -> tuple[list[Article], ProcessPoolExecutor]:
    """The first pending task's Articles; after a worker died, a fresh pool for the rest."""
    batch, future = pending.popleft()
    try:
        articles, spent = future.result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        articles, spent = [_alone(intake, work) for intake in batch], {}
        pool = _pool(n_process, work)
        for i, (other, _) in enumerate(pending):
            pending[i] = (other, pool.submit(_run, other))
    for name, value in spent.items():
        seconds[name] = seconds.get(name, 0.0) + value
    return articles, pool


def _alone(intake: Intake, work: Work) -> Article:
    """One document in a worker of its own; a document that kills it gets a problem."""
    with _pool(1, work) as pool:
        try:
            return pool.submit(_run, [intake]).result()[0][0]
        except BrokenProcessPool:
            message = (
                "the worker process died while processing this document "
                "(killed, out of memory or a crash in native code); it was not extracted"
            )
            problem = Problem(kind="extractor_error", message=message)
            return Article(id=intake.meta.id, text=intake.text, problems=(problem,))


def _pool(n_process: int, work: Work) -> ProcessPoolExecutor:
    """Forked workers; ``work`` reaches them through the fork, not through pickle."""
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(n_process, context, initializer=_install, initargs=(work,))


def _install(work: Work) -> None:
    """In a new worker: keep the work function, and move everything inherited from the
    parent (model, knowledge base: a few hundred thousand objects) out of the garbage
    collector's reach. They live as long as the worker; without this every full collection
    walks them again (about 3% of a worker's time) and touches their pages, which the
    worker would then copy instead of sharing with the parent."""
    global _work
    _work = work
    gc.freeze()


def _run(batch: list[Intake]) -> tuple[list[Article], dict[str, float]]:
    """In a worker: the inherited work function over one task."""
    assert _work is not None, "the pool's initializer sets the work function"
    return _work(batch)
