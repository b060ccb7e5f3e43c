"""The annotated HTML view: well-formed markup whatever the spans, escaping, counts."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

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
    PartyRole,
    Quote,
    QuoteKind,
    Span,
)
from communique.text import paragraph_spans
from communique.views.render import render_html, render_many

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr"}


class Dom(HTMLParser):
    """Checks that tags balance and records every mark, paragraph and table row."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.paras: list[str] = []
        self.rows: dict[str, int] = {}
        self.tables: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self._open_marks: list[int] = []
        self._in_para = False
        self._table: str | None = None
        self._in_tbody = False
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed at end: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if "id" in attr:
            self.ids.append(attr["id"])
        if tag == "a" and attr.get("href", "").startswith("#"):
            self.links.append(attr["href"][1:])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append({"classes": attr["class"].split(), "attrs": attr, "text": ""})
            self._open_marks.append(len(self.marks) - 1)
        elif tag == "p" and attr.get("class") == "para":
            self._in_para = True
            self.paras.append("")
        elif tag == "table":
            self._table = attr.get("class", "")
            self.tables.append(self._table)
            self.rows.setdefault(self._table, 0)
        elif tag == "tbody":
            self._in_tbody = True
        elif tag == "tr" and self._in_tbody and self._table:
            self.rows[self._table] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "mark":
            self._open_marks.pop()
        elif tag == "p":
            self._in_para = False
        elif tag == "tbody":
            self._in_tbody = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        for index in self._open_marks:
            self.marks[index]["text"] += data
        if self._in_para:
            self.paras[-1] += data

    def layer(self, name: str) -> list[dict[str, Any]]:
        return [m for m in self.marks if name in m["classes"]]

    def text_of(self, layer: str, attr: str, value: str) -> str:
        return "".join(m["text"] for m in self.layer(layer) if m["attrs"].get(attr) == value)


TEXT = (
    'Kerry said: "Russia & the <US> agreed a ceasefire in Aleppo." Then he left.\n'
    'Lavrov, the foreign minister, said the truce "would hold", adding: "We will see."\n'
    "Nobody spoke here."
)


HE = Span.of(TEXT, TEXT.index("he left"), TEXT.index("he left") + 2)


def at(fragment: str, nth: int = 0, text: str = TEXT) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return Span.of(text, start, start + len(fragment))


def between(first: str, last: str) -> Span:
    start = TEXT.index(first)
    return Span.of(TEXT, start, TEXT.index(last, start) + len(last))


def crowded_article() -> Article:
    """Spans that nest, coincide, cross each other and cross a paragraph break."""
    kerry = Actor(
        id="actor-1",
        name="John Kerry",
        kind=ActorKind.PERSON,
        titles=("Secretary of State",),
        mentions=(Mention(span=at("Kerry"), form=MentionForm.NAME),),
    )
    russia = Actor(
        id="actor-2",
        name="Russia",
        kind=ActorKind.COUNTRY,
        country="RUS",
        mentions=(Mention(span=at("Russia"), form=MentionForm.NAME),),
    )
    us = Actor(
        id="actor-3",
        name="United <States> & Co",
        kind=ActorKind.COUNTRY,
        country="USA",
        mentions=(Mention(span=at("US"), form=MentionForm.NAME),),
    )
    lavrov = Actor(
        id="actor-4",
        name="Sergei Lavrov",
        kind=ActorKind.PERSON,
        affiliation_id="actor-2",
        mentions=(
            Mention(span=at("Lavrov"), form=MentionForm.NAME),
            Mention(span=at("the foreign minister"), form=MentionForm.NOMINAL),
            Mention(span=HE, form=MentionForm.PRONOUN),
        ),
    )
    quotes = (
        Quote(
            id="quote-1",
            kind=QuoteKind.DIRECT,
            content=between("Russia", "Aleppo."),
            cue=at("said"),
            speaker_mention=at("Kerry"),
            speaker_id="actor-1",
        ),
        Quote(
            id="quote-2",
            kind=QuoteKind.MIXED,
            content=between("the truce", "We will see."),
            parts=(at('the truce "would hold"'), at("We will see.")),
            cue=at("said", 1),
            speaker_mention=at("Lavrov"),
            speaker_id="actor-4",
        ),
        Quote(id="quote-3", kind=QuoteKind.INDIRECT, content=at("Nobody spoke here")),
        Quote(  # across the paragraph break, crossing everything on the way
            id="quote-4",
            kind=QuoteKind.INDIRECT,
            content=between("Aleppo", "Lavrov, the"),
            speaker_mention=HE,
        ),
        Quote(id="quote-5", kind=QuoteKind.DIRECT, content=Span.of(TEXT, 3, 3)),  # empty
    )
    agreement = Agreement(
        id="agreement-1",
        kind=AgreementKind.CEASEFIRE,
        status=AgreementStatus.REACHED,
        parties=(Party(actor_id="actor-2"), Party(actor_id="actor-3", role=PartyRole.BROKER)),
        location="Aleppo",
        evidence=(
            at("agreed a ceasefire"),  # inside quote-1
            between("ceasefire in", 'Aleppo." Then'),  # crosses quote-1's end
            at("the truce"),  # shares its start with quote-2
        ),
    )
    return Article(
        id="crowded",
        text=TEXT,
        title='A <b>bold</b> & "quoted" title',
        source="Desk",
        published="2016-08-26",
        paragraphs=paragraph_spans(TEXT),
        actors=(kerry, russia, us, lavrov),
        quotes=quotes,
        agreements=(agreement,),
    )


@pytest.fixture(scope="module")
def crowded() -> Article:
    return crowded_article()


@pytest.fixture(scope="module")
def page(crowded: Article) -> str:
    return render_html(crowded)


@pytest.fixture(scope="module")
def dom(page: str) -> Dom:
    return Dom(page)


def test_overlapping_spans_give_balanced_tags(dom: Dom) -> None:
    assert dom.errors == []
    assert len(dom.ids) == len(set(dom.ids)), "element ids repeat"


def test_every_internal_link_has_a_target(dom: Dom) -> None:
    assert dom.links and set(dom.links) <= set(dom.ids)


def test_paragraph_text_is_kept_exactly(crowded: Article, dom: Dom) -> None:
    assert dom.paras == [p.text for p in crowded.paragraphs] == TEXT.split("\n")


def test_each_highlight_covers_exactly_its_span(crowded: Article, dom: Dom) -> None:
    q1, q2, q3, q4, _ = crowded.quotes
    assert dom.text_of("quote", "data-quote-id", "quote-1") == q1.content.text
    assert dom.text_of("quote", "data-quote-id", "quote-2") == "".join(p.text for p in q2.parts)
    assert dom.text_of("quote", "data-quote-id", "quote-3") == q3.content.text
    # Cut at the paragraph break: the line break itself is not inside a paragraph.
    assert dom.text_of("quote", "data-quote-id", "quote-4") == q4.content.text.replace("\n", "")
    assert dom.text_of("cue", "data-quote-id", "quote-2") == "said"
    assert dom.text_of("speaker", "data-quote-id", "quote-1") == "Kerry"
    evidence = dom.text_of("agreement", "data-agreement-id", "agreement-1")
    assert evidence == "agreed a ceasefire" + 'ceasefire in Aleppo." Then' + "the truce"
    assert dom.text_of("actor", "data-actor-id", "actor-3") == "US"
    assert dom.text_of("actor", "data-actor-id", "actor-4") == "he" + "Lavrov" + (
        "the foreign minister"
    )


def test_actor_mentions_all_highlighted(crowded: Article, dom: Dom) -> None:
    for actor in crowded.actors:
        fragments = [m for m in dom.layer("actor") if m["attrs"]["data-actor-id"] == actor.id]
        texts = "".join(m["text"] for m in fragments)
        for mention in actor.mentions:
            assert mention.span.text in texts


def test_split_marks_are_continuations(dom: Dom) -> None:
    pieces = [m for m in dom.layer("quote") if m["attrs"]["data-quote-id"] == "quote-4"]
    assert len(pieces) > 1
    assert "cont" not in pieces[0]["classes"] and pieces[0]["attrs"]["id"] == "q4"
    assert all("cont" in m["classes"] and "id" not in m["attrs"] for m in pieces[1:])


def test_marks_say_who_said_it(dom: Dom) -> None:
    first = next(m for m in dom.layer("quote") if m["attrs"]["data-quote-id"] == "quote-1")
    assert first["attrs"]["data-speaker-id"] == "actor-1"
    assert "said by John Kerry" in first["attrs"]["title"]
    third = next(m for m in dom.layer("quote") if m["attrs"]["data-quote-id"] == "quote-3")
    assert "data-speaker-id" not in third["attrs"] and "unknown" in third["attrs"]["title"]
    speaker = next(m for m in dom.layer("speaker") if m["attrs"]["data-quote-id"] == "quote-4")
    assert "not resolved" in speaker["attrs"]["title"]


def test_counts_match_the_article(crowded: Article, dom: Dom) -> None:
    assert dom.tables == ["quotes", "agreements", "actors"]
    assert dom.rows == {"quotes": 5, "agreements": 1, "actors": 4}
    quoted = {m["attrs"]["data-quote-id"] for m in dom.layer("quote")}
    assert quoted == {q.id for q in crowded.quotes if q.content.end > q.content.start}


def test_text_and_attributes_are_escaped(page: str) -> None:
    assert "<US>" not in page and "&lt;US&gt;" in page
    assert "Russia &amp; the" in page
    assert "<b>bold</b>" not in page
    assert '<title>A &lt;b&gt;bold&lt;/b&gt; &amp; "quoted" title</title>' in page
    assert 'title="Ceasefire (reached): Russia (party), United &lt;States&gt; &amp; Co' in page


def test_tables_resolve_names_and_roles(page: str) -> None:
    assert 'United &lt;States&gt; &amp; Co</a> <span class="role">(broker)</span>' in page
    assert '<td class="location">Aleppo</td>' in page
    assert "Secretary of State" in page


def test_page_is_self_contained(page: str) -> None:
    lowered = page.lower()
    for needle in ("<link", "<img", "<iframe", "src=", "url(", "@import", "http://", "https://"):
        assert needle not in lowered, needle


def test_rendering_is_deterministic(crowded: Article, page: str) -> None:
    again = Article.model_validate_json(crowded.model_dump_json())
    assert render_html(again) == page
    assert render_html(crowded) == page


def test_repr_html_is_the_page_as_a_fragment(crowded: Article, page: str) -> None:
    fragment = crowded._repr_html_()
    assert fragment is not None and not fragment.lstrip().startswith("<!DOCTYPE")
    # the same article, tables and highlights as the page, under the view's own prefix
    prefix = fragment.split('<article class="communique-article" id="', 1)[1].split("article")[0]
    assert Dom(fragment).tables == Dom(page).tables
    assert fragment.count("<mark ") == page.count("<mark ")
    assert f'id="{prefix}quotes"' in fragment


def test_script_in_text_is_inert() -> None:
    text = "<script>alert('x')</script> said </mark></p> \"hi\" & bye"
    article = Article(
        text=text,
        quotes=(Quote(id="q", kind=QuoteKind.DIRECT, content=at("</mark></p>", text=text)),),
    )
    page = render_html(article)
    dom = Dom(page)
    assert dom.errors == []
    assert dom.paras == [text]
    assert page.count("<script>") == 1  # only the page's own
    assert dom.text_of("quote", "data-quote-id", "q") == "</mark></p>"


def test_article_without_paragraph_spans_or_items() -> None:
    article = Article(text="One.\n\nTwo.", id="bare")
    dom = Dom(render_html(article))
    assert dom.errors == [] and dom.paras == ["One.", "Two."]
    assert dom.rows == {"quotes": 0, "agreements": 0, "actors": 0}
    assert "No quotes found." in render_html(article)


def test_render_many_keeps_ids_unique(crowded: Article) -> None:
    other = crowded.model_copy(update={"id": "second", "title": "Second"})
    page = render_many([crowded, other], title="Two")
    dom = Dom(page)
    assert dom.errors == []
    assert len(dom.ids) == len(set(dom.ids))
    assert set(dom.links) <= set(dom.ids)
    assert dom.tables == ["quotes", "agreements", "actors"] * 2
    assert 'href="#a2-article"' in page and 'id="a2-q1"' in page
    assert render_many([crowded]) == render_html(crowded)
    assert Dom(render_many([])).errors == []


def test_seed_article_counts(seed_article: Article) -> None:
    """End to end: whatever the extractors find, the page shows all of it, well formed."""
    dom = Dom(render_html(seed_article))
    assert dom.errors == []
    assert dom.rows == {
        "quotes": len(seed_article.quotes),
        "agreements": len(seed_article.agreements),
        "actors": len(seed_article.actors),
    }
    quoted = {m["attrs"]["data-quote-id"] for m in dom.layer("quote")}
    assert quoted == {q.id for q in seed_article.quotes if q.content.end > q.content.start}
    mentioned = {m["attrs"]["data-actor-id"] for m in dom.layer("actor")}
    assert mentioned == {a.id for a in seed_article.actors if a.mentions}
    assert "".join(dom.paras) == "".join(p.text for p in seed_article.paragraphs)
    assert set(dom.links) <= set(dom.ids)
