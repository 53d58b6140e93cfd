"""Links from the annotation records into the analysed texts: posts and dating phrases.

A step of `analysis`, after every text is analysed: a gloss's `post` is found among the
English posts the texts embed, a source's post credits among its posts, an event's
`dated_by` phrase in its text. What is not found is returned by its place in the YAML,
for `diagnostics` to word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .model import Dossier, PostCredit
from .normalise import normalise, normalise_pattern
from .views import DatingPhrase, PostLink, SourceView


def link_posts(
    dossier: Dossier, views: Mapping[str, SourceView]
) -> tuple[dict[str, PostLink], list[int]]:
    """(gloss id -> the English post it translates, indexes of glosses whose post is
    in no text)."""
    posts: dict[str, PostLink] = {}
    missing: list[int] = []
    english = [
        (view.source.id, block.anchor, normalise(block.block.text).text)
        for view in views.values()
        for block in view.blocks
        if block.block.lang == "en"
    ]
    for index, gloss in enumerate(dossier.glosses):
        if gloss.post is None:
            continue
        wanted = normalise_pattern(gloss.post)
        for source_id, anchor, folded in english:
            if wanted in folded:
                posts[gloss.id] = PostLink(source_id, anchor)
                break
        else:
            missing.append(index)
    return posts, missing


def credit_posts(
    dossier: Dossier, views: Mapping[str, SourceView]
) -> tuple[dict[tuple[str, str], PostCredit], list[tuple[int, int]]]:
    """((source id, block anchor) -> the credit of the post there, (source, credit)
    indexes that start no post of their text)."""
    credited: dict[tuple[str, str], PostCredit] = {}
    missing: list[tuple[int, int]] = []
    for i, source in enumerate(dossier.sources):
        posts = [b for b in views[source.id].blocks if b.block.kind == "post"]
        for j, credit in enumerate(source.posts):
            wanted = normalise_pattern(credit.starts_with)
            block = next(
                (b for b in posts if normalise(b.block.text).text.startswith(wanted)), None
            )
            if block is None:
                missing.append((i, j))
            else:
                credited.setdefault((source.id, block.anchor), credit)
    return credited, missing


def find_datings(
    dossier: Dossier, views: Mapping[str, SourceView]
) -> tuple[dict[str, list[DatingPhrase]], list[tuple[int, int]]]:
    """(event id -> the phrases that date it, (event, dating) indexes not found)."""
    found: dict[str, list[DatingPhrase]] = defaultdict(list)
    missing: list[tuple[int, int]] = []
    for i, event in enumerate(dossier.events):
        for j, dating in enumerate(event.dated_by):
            view = views[dating.source]
            norm = normalise(view.parsed.text)
            wanted = normalise_pattern(dating.phrase)
            position = norm.text.find(wanted) if wanted else -1
            if position < 0:
                missing.append((i, j))
                continue
            start, _end = norm.original_span(position, position + len(wanted))
            block = view.block_at(start, start + 1)
            anchor = block.anchor if block is not None else None
            found[event.id].append(DatingPhrase(event.id, dating.source, dating.phrase, anchor))
    return dict(found), missing
