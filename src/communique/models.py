"""The document model: the public, versioned contract of communique's output.

Every model is an immutable pydantic v2 model (``frozen=True``, ``extra="forbid"``) whose
collections are tuples, so an :class:`Article` can be shared, hashed into caches and
serialised deterministically. Items refer to each other by stable string ids, never by list
position. Every span is a character range into ``Article.text`` and carries its text, which
:class:`Article` validation checks against the article text.

Bump :data:`SCHEMA_VERSION` whenever a field is renamed or removed or changes meaning; the
committed JSON Schema (``docs/schema/article.schema.json``) is tested against this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    TypeAdapter,
    model_validator,
)

SCHEMA_VERSION = "1.1"
"""Version of the document model. Stored in every Article's ``schema_version``.

1.1 added (all optional, so 1.0 records still validate): ``Actor.sector``, ``Actor.kb_id``,
``Actor.country_source``, ``Article.dateline``, ``Article.dateline_place``,
``Article.metadata``, ``Quote.negated``, ``Quote.complementizer``, ``Quote.continues``,
``Agreement.history`` and the agreement kinds ``exchange``, ``release``, ``surrender``,
``evacuation``, ``contract``, ``merger`` and ``partnership``."""

_COUNTRY_CODE = r"^[A-Z]{3}$"
_SECTOR_CODE = r"^[A-Z]{3}$"


def _short(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis (for reprs)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class _Model(BaseModel):
    """Shared configuration: immutable, no unknown fields, enums serialised by value."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Span(_Model):
    """A character range ``[start, end)`` into ``Article.text``, with the text it covers.

    Example:
        >>> Span(start=0, end=5, text="Kerry")
        Span(start=0, end=5, text='Kerry')
    """

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset one past the last character (exclusive).")
    text: str = Field(description="Exactly ``article.text[start:end]``.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span ({self.start}, {self.end}) has {self.end - self.start} characters "
                f"but its text {self.text!r} has {len(self.text)}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Make the span ``text[start:end]`` (the usual way to build one)."""
        return cls(start=start, end=end, text=text[start:end])


class ActorKind(str, Enum):
    """What sort of actor an :class:`Actor` is.

    Example:
        >>> ActorKind("group") is ActorKind.GROUP
        True
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"
    """Armed groups, rebels, militias and opposition movements."""
    OTHER = "other"


class MentionForm(str, Enum):
    """How an actor is mentioned.

    Example:
        >>> MentionForm.PRONOUN.value
        'pronoun'
    """

    NAME = "name"
    NOMINAL = "nominal"
    """A description, such as "the foreign minister" or "his Russian counterpart"."""
    PRONOUN = "pronoun"


class CountrySource(str, Enum):
    """How an actor's ``country`` was decided, so a user can filter on how sure it is.

    Example:
        >>> CountrySource("knowledge") is CountrySource.KNOWLEDGE
        True
    """

    TEXT = "text"
    """Said in the text: a country name, demonym, capital or possessive next to the actor."""
    KNOWLEDGE = "knowledge"
    """From the knowledge base entry the actor was linked to."""
    CONTEXT = "context"
    """Inferred from the article: its dateline or its dominant country."""


class QuoteKind(str, Enum):
    """Direct ("…"), indirect (reported) or mixed (reported, with a quoted fragment).

    Example:
        >>> [kind.value for kind in QuoteKind]
        ['direct', 'indirect', 'mixed']
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class AgreementKind(str, Enum):
    """The sort of agreement.

    Example:
        >>> AgreementKind("ceasefire") is AgreementKind.CEASEFIRE
        True
    """

    CEASEFIRE = "ceasefire"
    TRUCE = "truce"
    PEACE_AGREEMENT = "peace_agreement"
    TREATY = "treaty"
    TRADE_AGREEMENT = "trade_agreement"
    DEAL = "deal"
    MEMORANDUM = "memorandum"
    UNDERSTANDING = "understanding"
    PLAN = "plan"
    EXCHANGE = "exchange"
    """An exchange of prisoners, hostages, detainees or bodies."""
    RELEASE = "release"
    """A negotiated release of prisoners, hostages or detainees (one-sided)."""
    SURRENDER = "surrender"
    """Fighters or forces surrendering, or laying down arms, to another side."""
    EVACUATION = "evacuation"
    """An agreed evacuation of civilians, fighters or the wounded."""
    CONTRACT = "contract"
    """A business contract or order (supply, purchase, services)."""
    MERGER = "merger"
    """A merger or acquisition."""
    PARTNERSHIP = "partnership"
    """A partnership, alliance or joint venture between organisations."""
    OTHER = "other"


class AgreementStatus(str, Enum):
    """Where an agreement stands in its lifecycle.

    The main line is proposed → negotiating → reached → signed → in_force; violated,
    rejected and collapsed are the other outcomes.

    Example:
        >>> AgreementStatus.IN_FORCE.value
        'in_force'
    """

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    REACHED = "reached"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    VIOLATED = "violated"
    REJECTED = "rejected"
    COLLAPSED = "collapsed"


class PartyRole(str, Enum):
    """The role an actor plays in an agreement.

    Example:
        >>> PartyRole("broker") is PartyRole.BROKER
        True
    """

    PARTY = "party"
    BROKER = "broker"
    PROPOSER = "proposer"


class DateGranularity(str, Enum):
    """How precise a normalised date is.

    Example:
        >>> DateGranularity.MONTH.value
        'month'
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Mention(_Model):
    """One place in the text where an actor is mentioned.

    Example:
        >>> Mention(span=Span(start=0, end=2, text="he"), form=MentionForm.PRONOUN).form.value
        'pronoun'
    """

    span: Span
    form: MentionForm


class Actor(_Model):
    """A person, organisation, country or group, with every mention of it in the article.

    Example:
        >>> kerry = Actor(id="actor-1", name="John Kerry", kind=ActorKind.PERSON)
        >>> kerry.kind.value
        'person'
    """

    id: str = Field(min_length=1)
    name: str = Field(min_length=1, description="Canonical name, e.g. 'John Kerry', 'Russia'.")
    kind: ActorKind
    aliases: tuple[str, ...] = Field(default=(), description="Every distinct name form used.")
    titles: tuple[str, ...] = Field(default=(), description="Titles, e.g. 'Foreign Minister'.")
    country: str | None = Field(
        default=None,
        pattern=_COUNTRY_CODE,
        description="ISO 3166-1 alpha-3 code of the country itself or of its affiliation.",
    )
    affiliation_id: str | None = Field(
        default=None, description="Id of the actor (a country or organisation) it belongs to."
    )
    country_source: CountrySource | None = Field(
        default=None, description="How ``country`` was decided; None when it is unknown."
    )
    sector: str | None = Field(
        default=None,
        pattern=_SECTOR_CODE,
        description="CAMEO/PLOVER sector code, e.g. 'GOV', 'MIL', 'REB' (docs: actors page).",
    )
    kb_id: str | None = Field(
        default=None,
        description="Stable id of the knowledge-base entry it was linked to, e.g. "
        "'country:USA' or 'oeda:BARACK_OBAMA'; None when unlinked.",
    )
    mentions: tuple[Mention, ...] = ()
    extensions: dict[str, Any] = Field(default_factory=dict)

    def __repr__(self) -> str:
        extra = "".join(f" {value}" for value in (self.country, self.sector) if value)
        mentions = len(self.mentions)
        return f"<Actor {self.id} {self.name!r} {self.kind.value}{extra}, {mentions} mentions>"


class Quote(_Model):
    """A direct, indirect or mixed quotation and who said it.

    Example:
        >>> text = "“We agreed,” Kerry said."
        >>> quote = Quote(id="quote-1", kind=QuoteKind.DIRECT, content=Span.of(text, 1, 10),
        ...               cue=Span.of(text, 19, 23), speaker_mention=Span.of(text, 13, 18))
        >>> quote.content.text, quote.cue.text
        ('We agreed', 'said')
    """

    id: str = Field(min_length=1)
    kind: QuoteKind
    content: Span = Field(description="What was said; excludes the cue and the source.")
    parts: tuple[Span, ...] = Field(
        default=(),
        description="For a quote split by its attribution ('…,' he said, '…'): the "
        "fragments of content, in order. Empty when the content is one piece.",
    )
    cue: Span | None = Field(default=None, description="The attribution cue, e.g. 'said'.")
    speaker_mention: Span | None = Field(
        default=None, description="The name, description or pronoun naming the speaker."
    )
    speaker_id: str | None = Field(default=None, description="Id of the speaking Actor.")
    complementizer: Span | None = Field(
        default=None, description="The 'that' opening indirect content, when there is one."
    )
    continues: str | None = Field(
        default=None,
        description="Id of the quote this one continues (a cue-less paragraph of quotation "
        "carrying on the previous speaker's words).",
    )
    negated: bool = Field(
        default=False,
        description="The statement is reported as denied or not made ('did not say that').",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extensions: dict[str, Any] = Field(default_factory=dict)

    @property
    def text(self) -> str:
        """The quoted words as a reader would print them: split parts joined, no cue inside.

        Example:
            >>> t = "“We will win,” he said, “and we will do it without help.”"
            >>> q = Quote(id="quote-1", kind=QuoteKind.DIRECT, content=Span.of(t, 1, 56),
            ...           parts=(Span.of(t, 1, 13), Span.of(t, 25, 56)))
            >>> q.text
            'We will win, and we will do it without help.'
        """
        if not self.parts:
            return self.content.text
        return " ".join(part.text.strip() for part in self.parts)

    def __repr__(self) -> str:
        who = f" by {self.speaker_id}" if self.speaker_id else ""
        return f"<Quote {self.id} {self.kind.value}{who}: {_short(self.text)!r}>"


class Party(_Model):
    """An actor taking part in an agreement, and its role.

    Example:
        >>> Party(actor_id="actor-2", role=PartyRole.BROKER).role.value
        'broker'
    """

    actor_id: str
    role: PartyRole = PartyRole.PARTY


class StatusChange(_Model):
    """One factual statement of an agreement's status, in the order the article gives them.

    Example:
        >>> t = "The truce was signed."
        >>> StatusChange(status=AgreementStatus.SIGNED, evidence=Span.of(t, 0, 21)).status.value
        'signed'
    """

    status: AgreementStatus
    evidence: Span = Field(description="The sentence or clause stating the status.")
    date: dt.date | None = Field(default=None, description="When, normalised, if stated.")


class Agreement(_Model):
    """A ceasefire, truce, deal, treaty or other agreement reported in the article.

    Example:
        >>> truce = Agreement(id="agreement-1", kind=AgreementKind.TRUCE,
        ...                   status=AgreementStatus.NEGOTIATING,
        ...                   parties=(Party(actor_id="actor-1"), Party(actor_id="actor-2")))
        >>> truce.status.value, [p.role.value for p in truce.parties]
        ('negotiating', ['party', 'party'])
    """

    id: str = Field(min_length=1)
    kind: AgreementKind
    status: AgreementStatus
    parties: tuple[Party, ...] = ()
    date: dt.date | None = Field(default=None, description="Normalised against the article date.")
    date_granularity: DateGranularity | None = None
    date_text: Span | None = None
    location: str | None = Field(default=None, description="Where it applies, e.g. 'Aleppo'.")
    location_span: Span | None = None
    duration: Span | None = Field(
        default=None, description="How long it is to last, as written, e.g. '48-hour'."
    )
    terms: tuple[Span, ...] = Field(default=(), description="What was agreed.")
    evidence: tuple[Span, ...] = Field(default=(), description="Every mention of the agreement.")
    history: tuple[StatusChange, ...] = Field(
        default=(),
        description="Each factual status statement in text order; ``status`` is the most "
        "recent one.",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extensions: dict[str, Any] = Field(default_factory=dict)

    def __repr__(self) -> str:
        parties = ",".join(p.actor_id for p in self.parties) or "no parties"
        when = f" {self.date.isoformat()}" if self.date else ""
        return f"<Agreement {self.id} {self.kind.value} {self.status.value} ({parties}){when}>"


class Problem(_Model):
    """Something that went wrong while processing an article, recorded instead of lost.

    Example:
        >>> Problem(kind="extractor_error", extractor="money", message="ValueError: bad").kind
        'extractor_error'
    """

    kind: str = Field(
        description="'input', 'metadata', 'language', 'plugin_load', 'extractor_error', "
        "'invalid_output' or 'skipped'."
    )
    message: str
    extractor: str | None = Field(default=None, description="The extractor or plugin at fault.")


class ExtractorInfo(_Model):
    """Provenance: an extractor that ran on the article.

    Example:
        >>> ExtractorInfo(name="actors", version="1.0.0", package="communique").name
        'actors'
    """

    name: str
    version: str
    package: str | None = None


_DATETIME = TypeAdapter(dt.datetime)
_DATE = TypeAdapter(dt.date)


def _parse_published(value: Any) -> Any:
    """Keep dates and datetimes apart, so '2016-08-26' stays a date and midnight stays a time."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("a publication date must be an ISO 8601 string, a date or a datetime")
    if isinstance(value, str):
        stripped = value.strip()
        return (
            _DATETIME.validate_python(stripped)
            if len(stripped) > 10
            else _DATE.validate_python(stripped)
        )
    return value


Published = Annotated[dt.date | dt.datetime | None, BeforeValidator(_parse_published)]
"""A publication date (day precision) or datetime; ISO 8601 strings are accepted."""


def document_id(text: str) -> str:
    """The default, content-derived article id: stable across runs and machines."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"doc-{digest[:16]}"


class Article(_Model):
    """A news article and everything extracted from it.

    Validation refuses an Article whose spans do not match its text, whose ids repeat, or
    whose references (``speaker_id``, ``actor_id``, ``affiliation_id``) point nowhere.

    Example:
        >>> art = Article(text="Kerry spoke.")
        >>> art.id
        'doc-...'
        >>> Article.model_validate_json(art.model_dump_json()) == art
        True
    """

    schema_version: str = SCHEMA_VERSION
    id: str = Field(default="", description="Stable id; derived from the text when not given.")
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: Published = None
    language: str = "en"
    metadata: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="Caller metadata the model has no field for (author, section, any key).",
    )
    dateline: Span | None = Field(
        default=None, description="The dateline opening the story, e.g. 'GENEVA (AP) —'."
    )
    dateline_place: str | None = Field(
        default=None, description="The dateline's place as written, e.g. 'Geneva'."
    )
    paragraphs: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    problems: tuple[Problem, ...] = ()
    extractors: tuple[ExtractorInfo, ...] = ()
    extensions: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("text"), str):
            data = {**data, "id": document_id(data["text"])}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Article:
        errors = list(_span_errors(self)) + list(_id_errors(self)) + list(_reference_errors(self))
        if errors:
            shown = "; ".join(errors[:10])
            more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
            raise ValueError(f"article {self.id!r} is inconsistent: {shown}{more}")
        return self

    # -- lookups ---------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` if there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id; ``KeyError`` if there is none."""
        for quote in self.quotes:
            if quote.id == quote_id:
                return quote
        raise KeyError(quote_id)

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement with this id; ``KeyError`` if there is none."""
        for agreement in self.agreements:
            if agreement.id == agreement_id:
                return agreement
        raise KeyError(agreement_id)

    def actor_named(self, name: str) -> Actor | None:
        """The actor whose canonical name or an alias is ``name`` (case-insensitive)."""
        wanted = name.casefold()
        for actor in self.actors:
            if actor.name.casefold() == wanted:
                return actor
        for actor in self.actors:
            if any(alias.casefold() == wanted for alias in actor.aliases):
                return actor
        return None

    def speaker(self, quote: Quote) -> Actor | None:
        """The resolved speaker of ``quote``, or None."""
        return self.actor(quote.speaker_id) if quote.speaker_id else None

    def quotes_by(self, actor: Actor | str) -> tuple[Quote, ...]:
        """Every quote attributed to an actor, given as an :class:`Actor` or its id."""
        actor_id = actor.id if isinstance(actor, Actor) else actor
        if not isinstance(actor_id, str):
            raise TypeError(f"quotes_by takes an Actor or an actor id, not {type(actor).__name__}")
        return tuple(q for q in self.quotes if q.speaker_id == actor_id)

    def __repr__(self) -> str:
        title = f" {_short(self.title)!r}" if self.title else ""
        when = f" {self.published.isoformat()}" if self.published else ""
        return (
            f"<Article {self.id}{title}{when}: {len(self.actors)} actors, "
            f"{len(self.quotes)} quotes, {len(self.agreements)} agreements>"
        )

    def _repr_html_(self) -> str | None:
        """Jupyter display: the annotated article (see :func:`communique.render_html`)."""
        from communique.display import html_for

        return html_for(self)

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the article, with a readable path such as ``quotes[quote-2].cue``."""
        yield from _walk_spans(self)


def _walk_spans(article: Article) -> Iterator[tuple[str, Span]]:
    for i, para in enumerate(article.paragraphs):
        yield f"paragraphs[{i}]", para
    for actor in article.actors:
        for j, mention in enumerate(actor.mentions):
            yield f"actors[{actor.id}].mentions[{j}]", mention.span
    if article.dateline is not None:
        yield "dateline", article.dateline
    for quote in article.quotes:
        for field in ("content", "cue", "speaker_mention", "complementizer"):
            span = getattr(quote, field)
            if span is not None:
                yield f"quotes[{quote.id}].{field}", span
        for j, span in enumerate(quote.parts):
            yield f"quotes[{quote.id}].parts[{j}]", span
    for agreement in article.agreements:
        for field in ("date_text", "location_span", "duration"):
            span = getattr(agreement, field)
            if span is not None:
                yield f"agreements[{agreement.id}].{field}", span
        for field in ("terms", "evidence"):
            for j, span in enumerate(getattr(agreement, field)):
                yield f"agreements[{agreement.id}].{field}[{j}]", span
        for j, change in enumerate(agreement.history):
            yield f"agreements[{agreement.id}].history[{j}].evidence", change.evidence


def _span_errors(article: Article) -> Iterator[str]:
    text = article.text
    for path, span in _walk_spans(article):
        if span.end > len(text):
            yield f"{path}: span ({span.start}, {span.end}) ends past the text ({len(text)} chars)"
        elif text[span.start : span.end] != span.text:
            yield (
                f"{path}: span ({span.start}, {span.end}) says {span.text!r} "
                f"but the article text there is {text[span.start : span.end]!r}"
            )


def _id_errors(article: Article) -> Iterator[str]:
    ids = [
        item.id for group in (article.actors, article.quotes, article.agreements) for item in group
    ]
    for item_id, count in sorted(Counter(ids).items()):
        if count > 1:
            yield f"id {item_id!r} is used {count} times"


def _reference_errors(article: Article) -> Iterator[str]:
    actor_ids = {actor.id for actor in article.actors}
    for actor in article.actors:
        if actor.affiliation_id is not None and actor.affiliation_id not in actor_ids:
            yield f"actors[{actor.id}].affiliation_id {actor.affiliation_id!r} names no actor"
    quote_ids = {quote.id for quote in article.quotes}
    for quote in article.quotes:
        if quote.speaker_id is not None and quote.speaker_id not in actor_ids:
            yield f"quotes[{quote.id}].speaker_id {quote.speaker_id!r} names no actor"
        if quote.continues is not None and quote.continues not in quote_ids:
            yield f"quotes[{quote.id}].continues {quote.continues!r} names no quote"
    for agreement in article.agreements:
        for j, party in enumerate(agreement.parties):
            if party.actor_id not in actor_ids:
                yield (
                    f"agreements[{agreement.id}].parties[{j}].actor_id "
                    f"{party.actor_id!r} names no actor"
                )


__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "CountrySource",
    "DateGranularity",
    "ExtractorInfo",
    "Mention",
    "MentionForm",
    "Party",
    "PartyRole",
    "Problem",
    "Quote",
    "QuoteKind",
    "Span",
    "StatusChange",
    "document_id",
]
