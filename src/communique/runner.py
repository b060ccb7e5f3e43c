"""The run loop: the ordered extractors over one parsed article, and the Article they make.

This is the only place extractors are called, by :meth:`Pipeline.extract`,
:meth:`Pipeline.extract_many` and :mod:`communique.testing` alike. Each extractor gets an
:class:`~communique.extractor.ExtractionContext` with the capabilities it requires; its output
passes :func:`~communique.checks.check_output` or is dropped and named in a problem (raised
as :class:`~communique.errors.ExtractorError` when strict). An extractor that declares the
languages it handles is not run on an article in another language.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from communique.checks import InvalidOutput, Kept, check_output
from communique.errors import ExtractorError
from communique.extractor import ExtractionContext, Extractor, IdFactory
from communique.inputs import METADATA_FIELDS
from communique.intake import Intake
from communique.language import primary
from communique.models import Article, ExtractorInfo, Problem
from communique.parse import ParseView

if TYPE_CHECKING:
    from communique.knowledge import KnowledgeBase

__all__ = ["Outcome", "Runner"]


@dataclass
class Outcome:
    """What running the plan over one article produced, before it becomes an Article.

    ``outputs`` holds each extractor's raw return value (checked or not), which the contract
    tests in :mod:`communique.testing` inspect.
    """

    intake: Intake
    view: ParseView
    kept: Kept = field(default_factory=Kept)
    problems: list[Problem] = field(default_factory=list)
    ran: list[ExtractorInfo] = field(default_factory=list)
    extensions: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)

    def article(self) -> Article:
        """The Article: built and validated once, here."""
        meta = {name: getattr(self.intake.meta, name) for name in METADATA_FIELDS}
        dateline = self.view.dateline
        return Article(
            text=self.intake.text,
            **meta,
            metadata=self.intake.metadata,
            paragraphs=self.view.paragraphs,
            dateline=dateline.span if dateline else None,
            dateline_place=dateline.place if dateline else None,
            actors=self.kept.actors,
            quotes=self.kept.quotes,
            agreements=self.kept.agreements,
            problems=tuple(self.problems),
            extractors=tuple(self.ran),
            extensions=self.extensions,
        )


class Runner:
    """Runs a fixed plan of extractors; keeps the time each one takes."""

    def __init__(
        self,
        extractors: Sequence[Extractor],
        packages: Mapping[str, str | None],
        load_problems: Sequence[Problem] = (),
        *,
        strict: bool = False,
    ) -> None:
        self.extractors = tuple(extractors)
        self.strict = strict
        self.seconds: dict[str, float] = {}
        self._packages = dict(packages)
        self._load_problems = tuple(load_problems)

    def run(self, intake: Intake, doc: Any, knowledge: KnowledgeBase) -> Outcome:
        """Every extractor in order over one parsed article (its view built once, here)."""
        outcome = Outcome(intake, ParseView.build(doc, intake.text))
        outcome.problems.extend(self._load_problems)
        outcome.problems.extend(intake.problems)
        ids = IdFactory()
        for extractor in self.extractors:
            reason = self._not_run(extractor, outcome)
            if reason is not None:
                outcome.problems.append(
                    Problem(kind="skipped", extractor=extractor.name, message=reason)
                )
                continue
            ctx = ExtractionContext(
                text=intake.text,
                doc=doc,
                meta=intake.meta,
                paragraphs=outcome.view.paragraphs,
                ids=ids,
                view=outcome.view,
                knowledge=knowledge,
                results={c: outcome.results[c] for c in extractor.requires},
                actors=outcome.kept.actors,
                quotes=outcome.kept.quotes,
                agreements=outcome.kept.agreements,
            )
            self._step(extractor, ctx, outcome)
        return outcome

    def _not_run(self, extractor: Extractor, outcome: Outcome) -> str | None:
        """Why ``extractor`` is skipped on this article, or None when it runs."""
        languages = getattr(extractor, "languages", None)
        language = primary(outcome.intake.meta.language)
        if languages is not None and language not in {primary(lang) for lang in languages}:
            return f"not run: handles {', '.join(languages)} only; the article is in {language!r}"
        missing = [c for c in extractor.requires if c not in outcome.results]
        if missing:
            return (
                f"not run: required {', '.join(missing)} unavailable "
                "because an earlier extractor failed"
            )
        return None

    def _step(self, extractor: Extractor, ctx: ExtractionContext, outcome: Outcome) -> None:
        """Run one extractor; keep its checked output, or record (or raise) its failure."""
        started = time.perf_counter()
        try:
            output = extractor.extract(ctx)
            outcome.outputs[extractor.name] = output
            kept = check_output(extractor, output, ctx.text, outcome.kept)
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"
            if self.strict:
                raise ExtractorError(
                    f"extractor {extractor.name!r} failed on document {ctx.meta.id!r}: {message}",
                    extractor=extractor.name,
                    document=ctx.meta.id,
                ) from exc
            kind = "invalid_output" if isinstance(exc, InvalidOutput) else "extractor_error"
            outcome.problems.append(Problem(kind=kind, extractor=extractor.name, message=message))
            return
        finally:
            elapsed = time.perf_counter() - started
            self.seconds[extractor.name] = self.seconds.get(extractor.name, 0.0) + elapsed
        outcome.kept = kept
        outcome.results.update({c: output.provided[c] for c in extractor.provides})
        if output.extensions:
            outcome.extensions[extractor.name] = dict(output.extensions)
        package = self._packages.get(extractor.name)
        outcome.ran.append(
            ExtractorInfo(name=extractor.name, version=extractor.version, package=package)
        )
