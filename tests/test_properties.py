"""Property-based tests (Hypothesis) of the text parser and the quotation matcher.

The normal suite runs a bounded number of examples; a longer run:
    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storydossier.matching import GlossTarget, Matcher, Pattern
from storydossier.normalise import normalise, normalise_pattern
from storydossier.quotes import OPENERS, find_quotations
from storydossier.texts import normalise_newlines, parse_text

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Texts made of what agency copy mixes: letters with accents, guillemets, every kind of
# space and newline, apostrophes, parentheses, zero-width and bidi characters...
ALPHABET = st.sampled_from(
    list("abcdeéèàçôAÉ «»“”'’ \u00a0\u202f\t\n\r.,;:!?()…-—date 2020-01/ats\u200b\u202e\u0301")
)
TEXTS = st.one_of(st.text(ALPHABET, max_size=400), st.text(max_size=200))


@given(TEXTS)
def test_parsing_loses_no_character_and_never_raises(raw):
    parsed = parse_text(raw)
    assert parsed.rebuilt() == normalise_newlines(raw)
    for block in parsed.blocks:
        assert parsed.text[block.start : block.end] == block.text
        assert block.text.strip() == block.text


@given(TEXTS)
def test_every_quotation_found_maps_back_to_its_text(raw):
    text = normalise_newlines(raw)
    found, unbalanced = find_quotations(text, 0, len(text), 0)
    for quote in found:
        assert text[quote.start] == quote.mark
        assert text[quote.end - 1] == OPENERS[quote.mark]
        assert quote.start < quote.inner_start <= quote.inner_end < quote.end
        for start, end in quote.spans:  # the quoted words, each span trimmed
            assert quote.start < start <= end < quote.end
            assert text[start:end] == text[start:end].strip(" \u00a0\u202f\u2009\t\n")
        for start, end in quote.incises:  # narration lies between the quoted words
            assert quote.inner_start < start < end <= quote.inner_end
    # every curly mark pairs with another, or is reported (a straight " may be an inch)
    marks = sum(text.count(m) for m in "«»“”‹›")  # every curly mark the parser reads
    curly = [q for q in found if q.mark != '"']
    assert len(curly) * 2 + len([u for u in unbalanced if u.char != '"']) == marks


@given(TEXTS, st.text(ALPHABET, min_size=1, max_size=12))
def test_every_hit_is_exactly_its_pattern_in_the_text(raw, pattern):
    key = normalise_pattern(pattern)
    if not any(c.isalnum() for c in key):
        return
    matcher = Matcher([(pattern, Pattern(GlossTarget("g"), frozenset()))])
    for hit in matcher.scan(normalise(raw), "s"):
        assert normalise_pattern(raw[hit.start : hit.end]) == key


@given(
    st.text(ALPHABET, min_size=1, max_size=60),
    st.text(ALPHABET, max_size=60),
    st.text(ALPHABET, max_size=60),
)
def test_a_quoted_pattern_is_found_where_it_stands(quote, before, after):
    key = normalise_pattern(quote)
    if not key or not key[0].isalnum() or not key[-1].isalnum() or "«" in quote or "»" in quote:
        return
    text = f"{before} «{quote}» {after}"
    matcher = Matcher([(quote, Pattern(GlossTarget("g"), frozenset()))])
    hits = matcher.scan(normalise(text), "s")
    start = len(before) + 2  # just after " «"
    assert any(h.start >= start and h.end <= start + len(quote) for h in hits)


@given(st.one_of(TEXTS, st.text(st.characters(max_codepoint=0x3FF), max_size=300)))
def test_the_fast_folding_path_equals_the_per_character_definition(raw):
    from storydossier.normalise import _normalise, _reference_normalise

    assert _normalise(raw) == _reference_normalise(raw)
