"""Extract actors, quotes and agreements from the seed article and print a summary.

Run: python examples/extract_one.py
"""

from __future__ import annotations

from pathlib import Path

import communique

HERE = Path(__file__).parent
text = (HERE / "data" / "kerry-lavrov-geneva.txt").read_text(encoding="utf-8")
article = communique.extract(text, published="2016-08-26", title=text.splitlines()[0])

print(f"{article.title} ({article.published})")
print(f"\n{len(article.actors)} actors")
for actor in article.actors:
    titles = f" — {', '.join(actor.titles)}" if actor.titles else ""
    print(f"  {actor.name} [{actor.kind.value}, {actor.country or '-'}]{titles}")
print(f"\n{len(article.quotes)} quotes")
for quote in article.quotes:
    speaker = article.speaker(quote)
    print(
        f"  {quote.kind.value:8} {speaker.name if speaker else '?':15} {quote.content.text[:60]!r}"
    )
print(f"\n{len(article.agreements)} agreements")
for agreement in article.agreements:
    parties = ", ".join(
        f"{article.actor(p.actor_id).name} ({p.role.value})" for p in agreement.parties
    )
    print(f"  {agreement.kind.value} — {agreement.status.value} — {agreement.date} — {parties}")
for problem in article.problems:
    print(f"problem: {problem.extractor}: {problem.message}")
