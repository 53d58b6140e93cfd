"""Links from the annotation records into the analysed texts: posts and dating phrases.

A step of `analysis`, after every text is analysed: a gloss's `post` is found among the
English posts the texts embed, an event's `dated_by` phrase in its text. What is not
found is returned by its place in the YAML, for `diagnostics` to word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .model import Dossier
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
