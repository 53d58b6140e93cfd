"""Actor pages, the chronology and the exports of the shipped dossier, as built."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from html import unescape

import icalendar
import jsonschema
import pytest
import yaml
from htmltext import visible_article_text
from project_support import REPO

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text(encoding="utf-8"))
ACTORS = {a["id"]: a for a in ANNOTATIONS["actors"]}
EVENTS = {e["id"]: e for e in ANNOTATIONS["events"]}


def test_actor_index_groups_and_counts(shipped_site):
    html = shipped_site.html("actors/index.html")
    assert re.findall(r'<h2 id="[a-z]+">([^<]+)</h2>', html) == [
        "Personnes",
        "Organisations",
        "Groupes",
    ]
    flat = " ".join(visible_article_text(html).split())
    assert "Bagdad (général de corps d'armée) 1 mention" in flat  # singular, no zero count
    assert re.search(r"Mark A\. Milley — Chef d'état-major[^·]*6 citations · \d+ mentions", flat)
    assert "Agence télégraphique suisse (ATS) Groupes" in flat  # neither quoted nor named


def test_the_actor_index_shows_the_quoted_first(shipped_site):
    html = shipped_site.html("actors/index.html")
    people = html[html.index('id="person"') : html.index('id="organisation"')]
    order = re.findall(r'href="([a-z0-9-]+)/"', people)
    quoted = {g["speaker"] for g in ANNOTATIONS["glosses"]}
    assert order[: len(quoted & set(order))] == ["milley", "seely", "esper"]
    assert not quoted & set(order[3:])  # nobody quoted after someone who is not


def test_a_profile_leaves_out_empty_sections_and_its_own_name(shipped_site):
    milley = shipped_site.html("actors/milley/index.html")
    assert '<h2 id="said">Ses propos</h2>' in milley
    assert "Dit par" not in visible_article_text(milley)  # his own page: no "said by him"
    ats = visible_article_text(shipped_site.html("actors/ats/index.html"))
    assert "Ses propos" not in ats and "Aucune pour l'instant" not in ats
    assert "Mentions dans les textes" not in ats  # the texts never name it
    # and in English
    milley_en = shipped_site.html("en/actors/milley/index.html")
    assert '<h2 id="said">What they said</h2>' in milley_en
    assert "Said by" not in visible_article_text(milley_en)
    ats_en = visible_article_text(shipped_site.html("en/actors/ats/index.html"))
    assert "What it said" not in ats_en and "None yet" not in ats_en
    assert "Mentions in the texts" not in ats_en
    english_index = shipped_site.html("en/actors/index.html")
    assert '<h2 id="person">People</h2>' in english_index
    assert "Abdul Amir" in english_index and "1 mention<" in english_index


def test_twin_an_organisation_that_speaks_has_its_own_heading(project, build_project):
    from project_support import replace_in_file, without_translations

    without_translations(project)
    replace_in_file(
        project / "dossier" / "annotations.yml",
        "    en: poorly worded\n    speaker: milley\n",
        "    en: poorly worded\n    speaker: us-army\n",
    )
    result = build_project(project, strict=False)
    page = result.html("actors/us-army/index.html")
    assert '<h2 id="said">Ses déclarations</h2>' in page
    assert "Dit par" not in visible_article_text(page)
    english = result.html("en/actors/us-army/index.html")
    assert '<h2 id="said">What it said</h2>' in english


@pytest.mark.parametrize("actor_id", list(ACTORS))
def test_every_actor_has_a_profile(shipped_site, actor_id):
    html = shipped_site.html(f"actors/{actor_id}/index.html")
    assert f"<h1>{ACTORS[actor_id]['name']}</h1>" in unescape(html)
    said = [g for g in ANNOTATIONS["glosses"] if g["speaker"] == actor_id]
    for gloss in said:
        block = html[html.index(f'id="gloss-{gloss["id"]}"') :]
        block = block[: block.index("</li>")]
        assert 'lang="fr"' in block and 'lang="en"' in block
        assert re.search(rf'href="\.\./\.\./sources/[a-z-]+/#q-{gloss["id"]}"', block)


def test_mentions_through_an_alias_with_context(shipped_site):
    text = " ".join(visible_article_text(shipped_site.html("actors/esper/index.html")).split())
    assert "Selon le chef du Pentagone Mark Esper, les États-Unis redéploient" in text
    assert '<mark class="dz-alias">le chef du Pentagone</mark>' in shipped_site.html(
        "actors/esper/index.html"
    )
    html = shipped_site.html("actors/esper/index.html")
    assert (
        'href="../../sources/milley-lettre-envoyee-par-erreur/#p-selon-le-chef-du-pentagone-mark'
        in html
    )


def test_mentions_come_once_per_sentence_without_doubled_marks(shipped_site):
    html = shipped_site.html("actors/milley/index.html")
    mentions = html[html.index('id="mentions"') : html.index('id="chronology"')]
    assert "<q" not in mentions and "««" not in visible_article_text(mentions)
    # «le chef d'état-major américain, le général Mark Milley»: one sentence, both marked
    assert mentions.count("La lettre émanant du commandement militaire") == 1
    assert (
        '<mark class="dz-alias">le chef d&#39;état-major américain</mark>, '
        '<mark class="dz-alias">le général Mark Milley</mark>'
    ) in mentions


def test_chronology_order_precision_and_publications(shipped_site):
    html = shipped_site.html("chronology/index.html")
    order = re.findall(r'<li class="dz-event[^"]*" id="([a-z0-9-]+)"', html)
    assert order[0] == "attaque-ambassade"
    assert set(order) == set(EVENTS) | {
        "publication-milley-lettre-envoyee-par-erreur",
        "publication-lettre-retrait-irak-ats",
    }
    starts = {e: str(EVENTS[e]["date"]).split("/")[0] for e in EVENTS}
    day_events = [e for e in order if e in starts]
    assert day_events == sorted(day_events, key=lambda e: starts[e])
    assert '<time datetime="2019-12-31">31 décembre</time>' in html
    assert '<time datetime="2020-01-06">6 janvier</time>' in html
    # a text dated to the month: under «date du jour non connue», after January's days
    heading = html.rindex("<h3>", 0, html.index('id="publication-lettre-retrait-irak-ats"'))
    group = html[heading : html.index('id="publication-lettre-retrait-irak-ats"')]
    assert '<time datetime="2020-01">date du jour non connue</time>' in group
    assert "1er janvier 2020" not in group
    assert '(Daté par <q lang="fr">La veille</q>)' in html


def test_the_timeline_links_each_mark_to_its_entry(shipped_site):
    html = shipped_site.html("chronology/index.html")
    figure = html[html.index('<figure class="dz-timeline"') : html.index("</figure>")]
    assert '<span id="dz-tl-title" class="dz-tl-title">Frise chronologique</span>' in figure
    assert "du 31 décembre 2019 au 6 janvier 2020" in unescape(figure)
    rows = re.findall(
        r'<li class="dz-tl-row[^"]*" id="tl-([a-z0-9-]+)"[^>]*><a href="#([^"]+)"', figure
    )
    assert len(rows) == len(EVENTS) + 2
    for key, target in rows:
        assert key == target and f'id="{target}"' in html  # each mark leads to its entry
    assert "2 jours sans événement" in figure  # 1 and 2 January: a break, not empty space
    assert '<li class="dz-tl-row dz-tl-span" id="tl-renforts-ambassade"' in figure
    # a date known to the month: its own stop, after the days, said as such
    assert "janvier 2020 (date du jour non connue)" in unescape(figure)


def test_the_list_says_each_date_once_and_puts_a_month_after_its_days(shipped_site):
    html = shipped_site.html("chronology/index.html")
    listing = html[html.index('<ol class="dz-months">') :]
    assert "dz-event-when" not in listing  # the date is the group's heading, not repeated
    headings = re.findall(r"<h3>(?:<time[^>]*>)?([^<]+)", listing)
    assert headings[0] == "31 décembre"
    january = headings[headings.index("6 janvier") :]
    assert january[-1] == "date du jour non connue"  # after the days of January


def test_dossier_json_validates_against_its_schema(shipped_site):
    data = json.loads((shipped_site.site / "dossier.json").read_text("utf-8"))
    schema = json.loads((shipped_site.site / "dossier.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert (data["format"], data["version"]) == ("storydossier/dossier", 1)
    gloss = next(g for g in data["glosses"] if g["id"] == "milley-projet-non-signe")
    assert {m["source"] for m in gloss["matches"]} == {s["id"] for s in ANNOTATIONS["sources"]}
    for match in gloss["matches"]:
        text = next(s["text"] for s in data["sources"] if s["id"] == match["source"])
        assert text[match["start"] : match["end"]] == "C'était un projet (de lettre) non signé"
    broken = dict(data, version="one")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_chronology_ics_has_every_day_event_with_exclusive_ends(shipped_site):
    calendar = icalendar.Calendar.from_ical((shipped_site.site / "chronology.ics").read_bytes())
    found = {str(e["uid"]).removesuffix("@storydossier"): e for e in calendar.walk("VEVENT")}
    assert set(found) == set(EVENTS)
    for event_id, event in EVENTS.items():
        first, _, last = str(event["date"]).partition("/")
        start, end = date.fromisoformat(first), date.fromisoformat(last or first)
        assert found[event_id].decoded("dtstart") == start
        assert found[event_id].decoded("dtend") == end + timedelta(days=1)


def test_month_precision_event_spans_the_month_in_ics(project, build_project):
    path = project / "dossier" / "annotations.yml"
    path.write_text(
        path.read_text("utf-8")
        + """
  - id: evenement-du-mois
    date: 2020-02
    title: {fr: Un événement daté au mois}
    actors: [milley]
""",
        "utf-8",
    )
    result = build_project(project)
    assert result.error is None, result.errors
    calendar = icalendar.Calendar.from_ical((result.site / "chronology.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "evenement-du-mois" in str(e["uid"])]
    assert event.decoded("dtstart") == date(2020, 2, 1)
    assert event.decoded("dtend") == date(2020, 3, 1)
    assert "month only" in str(event["description"])
    html = result.html("chronology/index.html")
    assert '<time datetime="2020-02">février 2020</time>' in html


def _jsonld(html: str) -> dict:
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    return json.loads(payload)


def test_json_ld_types(shipped_site):
    source = _jsonld(shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html"))
    (article,) = source["@graph"]
    assert article["@type"] == "NewsArticle"
    quotations = article["hasPart"]
    assert {q["@type"] for q in quotations} == {"Quotation"}
    assert all(q["isBasedOn"]["@id"] == article["@id"] for q in quotations)
    assert {q["creator"]["@type"] for q in quotations} == {"Person"}
    actor = _jsonld(shipped_site.html("actors/afp/index.html"))
    assert actor["@graph"][0]["@type"] == "Organization"
    chronology = _jsonld(shipped_site.html("chronology/index.html"))
    dates = {e["@id"].split("#")[1]: e for e in chronology["@graph"]}
    assert dates["renforts-ambassade"]["startDate"] == "2019-12-31"
    assert dates["renforts-ambassade"]["endDate"] == "2020-01-05"
    assert all(e["@type"] == "Event" for e in chronology["@graph"])


def test_exports_are_linked_from_the_home_page(shipped_site):
    home = shipped_site.html("index.html")
    for name in ("dossier.json", "dossier.schema.json", "chronology.ics"):
        assert f'href="{name}"' in home


def test_the_interface_in_english(project, build_project):
    path = project / "mkdocs.yml"
    path.write_text(path.read_text("utf-8").replace("language: fr", "language: en"), "utf-8")
    result = build_project(project)
    assert result.error is None, result.errors
    chronology = result.html("chronology/index.html")
    assert "<h1>Chronology</h1>" in chronology
    assert '<time datetime="2020-01-06">6 January</time>' in chronology
    source = visible_article_text(result.html("sources/lettre-retrait-irak-ats/index.html"))
    assert "8 of 8 quotations glossed" in source
    assert "Originaux anglais" not in result.html("sources/lettre-retrait-irak-ats/index.html")
    assert "the dossier&#39;s translation" in result.html(
        "sources/lettre-retrait-irak-ats/index.html"
    )
    # the other edition, French, is in fr/ with its own interface
    assert "Originaux anglais" in result.html("fr/sources/lettre-retrait-irak-ats/index.html")
    actor = visible_article_text(result.html("actors/milley/index.html"))
    assert "What they said" in actor and "Ce qu'il ou elle a dit" not in actor
    # English punctuation: no space before a colon, "; " between titles
    assert "Quoted in: " in actor and "Quoted in :" not in actor
    assert "Filter by actor:</span>" in chronology
    assert re.search(r"Texts: [^\n]+; ", visible_article_text(chronology))
    assert " : " not in actor


def test_the_interface_in_french_keeps_its_spaced_colon(shipped_site):
    """The twin of the English check: French sets a space before the colon."""
    actor = visible_article_text(shipped_site.html("actors/milley/index.html"))
    assert "Cité dans : " in actor
    assert "Cité dans:" not in actor


def test_label_tables_have_the_same_keys():
    from storydossier.labels import LABELS

    assert set(LABELS["fr"]) == set(LABELS["en"])
