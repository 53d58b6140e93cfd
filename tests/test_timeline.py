"""The timeline reads at any span and width (issue 16, item 1): the scale adapts (days,
months, years, long empty stretches said as breaks), and in Chromium at 1280 and 390 px
no two labels overlap and none is cut, shortened or off-screen, on the shipped dossier
(one week) and on a story of eight years made here."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from browser_support import screenshot
from project_support import without_translations
from storydossier.chronology import TimelineEntry
from storydossier.dates import parse_date
from storydossier.model import Localized
from storydossier.timeline import layout, unit_for

# a story of eight years: a few dated days, a month, an interval, an approximate date
LONG_STORY = [
    ("debut", "2012-03-15", "Premier accord signé entre les deux gouvernements"),
    ("suite", "2012-04", "Négociations sur le calendrier, à une date du mois non connue"),
    ("crise", "2014-06-10~", "Une crise éclate autour des bases militaires du nord du pays"),
    ("retrait", "2016-01-01/2016-03-31", "Retrait partiel des troupes étrangères du pays"),
    ("vote", "2019-12-29", "Le Parlement vote une résolution sur les troupes étrangères"),
    ("lettre", "2020-01-06", "Une lettre annonce le repositionnement des forces"),
]


def entry(key: str, raw: str) -> TimelineEntry:
    return TimelineEntry(key, parse_date(raw), Localized(fr=key, en=key), None, [], [])


def test_the_scale_fits_the_span():
    assert unit_for(date(2020, 1, 1), date(2020, 1, 20)) == "day"
    assert unit_for(date(2019, 1, 1), date(2020, 6, 1)) == "month"
    assert unit_for(date(2012, 1, 1), date(2020, 1, 6)) == "year"


def test_long_empty_stretches_are_said_as_breaks():
    story = layout([entry(k, d) for k, d, _ in LONG_STORY], "fr")
    assert story is not None and story.unit == "year"
    assert [p.label for p in story.periods] == ["2012", "2014", "2016", "2019", "2020"]
    assert [p.gap for p in story.periods] == [
        None,
        None,  # 2013 alone: one empty year is no break
        None,
        "2 ans sans événement",
        None,
    ]
    week = layout([entry("a", "2020-01-01"), entry("b", "2020-01-05")], "en")
    assert week is not None and week.periods[1].gap == "3 days without events"


def test_twin_no_break_where_the_days_follow():
    days = layout([entry("a", "2020-01-01"), entry("b", "2020-01-02")], "fr")
    assert days is not None and [p.gap for p in days.periods] == [None, None]


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    from conftest import _served_build
    from project_support import copy_project

    project = copy_project(tmp_path_factory.mktemp("long") / "project")
    without_translations(project)
    annotations = project / "dossier" / "annotations.yml"
    data = yaml.safe_load(annotations.read_text("utf-8"))
    data["events"] += [
        {"id": key, "date": raw, "title": {"fr": title, "en": title}, "actors": ["us-army"]}
        for key, raw, title in LONG_STORY
    ]
    annotations.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    yield from _served_build(project)


LABEL_BOXES = """() => {
  const labels = [...document.querySelectorAll(
    '.dz-timeline .dz-tl-when, .dz-timeline .dz-tl-row > a, .dz-tl-gap')];
  const boxes = labels.map(l => [...l.getClientRects()]
    .map(r => ({l: r.left, r: r.right, t: r.top, b: r.bottom})));
  const cut = labels.filter(l => getComputedStyle(l).textOverflow === 'ellipsis'
    || (getComputedStyle(l).display !== 'inline' && l.scrollWidth > l.clientWidth + 1)).length;
  const shortened = labels.filter(l => l.textContent.trim().endsWith('…')).length;
  return {boxes, cut, shortened, width: document.documentElement.clientWidth};
}"""


def overlaps(boxes: list[list[dict]]) -> list[tuple[int, int]]:
    flat = [(i, r) for i, rects in enumerate(boxes) for r in rects]
    found = []
    for a in range(len(flat)):
        for b in range(a + 1, len(flat)):
            (i, x), (j, y) = flat[a], flat[b]
            across = x["l"] < y["r"] - 1 and y["l"] < x["r"] - 1
            down = x["t"] < y["b"] - 1 and y["t"] < x["b"] - 1
            if i != j and across and down:
                found.append((i, j))
    return found


def check_labels(page, url: str, name: str) -> None:
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url, wait_until="networkidle")
        measured = page.evaluate(LABEL_BOXES)
        assert measured["boxes"], "no timeline label"
        assert measured["cut"] == 0 and measured["shortened"] == 0
        for rects in measured["boxes"]:
            for rect in rects:  # on screen: nothing to scroll sideways for
                assert rect["l"] >= 0 and rect["r"] <= measured["width"] + 0.5, rect
        assert overlaps(measured["boxes"]) == []
        screenshot(page, f"timeline-{name}-{width}")


@pytest.mark.browser
def test_no_label_overlaps_or_is_cut_on_the_shipped_dossier(page, shipped_site):
    check_labels(page, shipped_site.url + "chronology/", "shipped")


@pytest.mark.browser
def test_no_label_overlaps_or_is_cut_over_eight_years(page, long_site):
    check_labels(page, long_site.url + "chronology/", "eight-years")
    html = long_site.html("chronology/index.html")
    assert "2 ans sans événement" in html


@pytest.mark.browser
def test_twin_the_check_sees_overlapping_labels(page, shipped_site):
    """Drawn on top of one another, the labels are caught."""
    page.goto(shipped_site.url + "chronology/", wait_until="networkidle")
    page.add_style_tag(content=".dz-timeline .dz-tl-row > a{position:absolute;left:10px;top:200px}")
    assert overlaps(page.evaluate(LABEL_BOXES)["boxes"]) != []


@pytest.mark.browser
def test_filtering_closes_the_timelines_empty_stops(page, shipped_site):
    page.goto(shipped_site.url + "chronology/?actor=esper", wait_until="networkidle")
    visible = page.evaluate(
        "[...document.querySelectorAll('.dz-tl-period')].filter(p => p.offsetParent).length"
    )
    assert visible == 1
    assert page.evaluate("[...document.querySelectorAll('.dz-tl-gap')].every(g => !g.offsetParent)")
