"""A second dossier, of another story and other agencies' styles, built strict as written.

tests/dossiers/apollo11 holds four French dispatches about Apollo 11 (AFP, Reuters and
ATS styles) with every quotation form, dateline and credit the parser must read, and
names that must reach the right actor. Nothing in the parser is tuned to them: each
rule is general, and each has a twin below that breaks the dossier and must fail.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from htmltext import visible_article_text
from project_support import BuildResult, replace_in_file, run_build

DOSSIER = Path(__file__).resolve().parent / "dossiers" / "apollo11"
STEP = "afp-premier-pas"
LAUNCH = "reuters-decollage"
CALL = "ats-appel-nixon"
PRESS = "afp-presse-francaise"


def copy(tmp: Path) -> Path:
    target = tmp / "apollo11"
    shutil.copytree(DOSSIER, target)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy(tmp_path_factory.mktemp("second"))
    result = run_build(project)
    assert result.error is None, result.errors
    assert result.warnings == []
    return result


@pytest.fixture(scope="module")
def data(built: BuildResult) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((built.site / "dossier.json").read_text("utf-8"))
    return loaded


def source(data: dict[str, Any], source_id: str) -> dict[str, Any]:
    (found,) = [s for s in data["sources"] if s["id"] == source_id]
    return found


def quotations(data: dict[str, Any], source_id: str) -> list[tuple[str, str, int, str, list[str]]]:
    """(mark, words, depth, status, glosses) of each quotation of a text, in order."""
    return [
        (q["mark"], q["text"], q["depth"], q["status"], q["glosses"])
        for q in source(data, source_id)["quotations"]
    ]


def test_the_texts_are_published_exactly_as_written(built, data):
    """Every word of each text reaches its page, as often as it is written (the dateline
    as the page's facts: place, date and agency, checked below)."""
    for path in (DOSSIER / "dossier" / "sources").glob("*.txt"):
        dateline = source(data, path.stem)["dateline"]
        text = path.read_text("utf-8").replace(dateline["text"] if dateline else "", "", 1)
        text = re.sub(r"^\s*date \S+\s", "", text)  # the marker dates the page, unshown
        html = built.html(f"sources/{path.stem}/index.html")
        # the facts list's terms and values are separate words to a reader
        page = visible_article_text(html.replace("<dd>", " <dd>").replace("<dt>", " <dt>"))
        wanted = Counter(re.findall(r"\w+", text))
        shown = Counter(re.findall(r"\w+", page))
        missing = {w: n - shown[w] for w, n in wanted.items() if shown[w] < n}
        assert missing == {}, path.name


# --- quotation forms ---------------------------------------------------------------------


def test_guillemets_headline_incise_nested_and_nickname(data):
    assert quotations(data, STEP) == [
        ("«", "un petit pas pour l'homme", 0, "glossed", ["armstrong-petit-pas-titre"]),
        (
            "«",
            "C'est un petit pas pour l'homme mais un bond de géant pour l'humanité",
            0,
            "glossed",
            ["armstrong-petit-pas"],
        ),
        (
            "«",
            "Houston, ici la base de la Tranquillité. L'Aigle s'est posé",
            0,
            "glossed",
            ["armstrong-aigle"],
        ),
        ("«", "Buzz", 0, "no_original", []),
        ("«", "Magnifique désolation", 0, "glossed", ["aldrin-desolation"]),
        (
            "«",
            "Il y est écrit : “Ici, des hommes de la planète Terre ont posé pour la "
            "première fois le pied sur la Lune”",
            0,
            "glossed",
            ["armstrong-lecture-plaque"],
        ),
        (
            "“",
            "Ici, des hommes de la planète Terre ont posé pour la première fois le pied "
            "sur la Lune",
            1,
            "glossed",
            ["plaque"],
        ),
    ]


def test_an_incise_is_narration_not_quotation(data, built):
    (first_step,) = [
        q for q in source(data, STEP)["quotations"] if q["glosses"] == ["armstrong-petit-pas"]
    ]
    text = source(data, STEP)["text"]
    assert [text[a:b] for a, b in first_step["incises"]] == [
        ", a déclaré Armstrong en foulant le sol lunaire,"
    ]
    html = built.html(f"sources/{STEP}/index.html")
    incise = re.search(r'<span class="dz-incise" data-dz-role="narration">(.*?)</span>', html)
    assert incise is not None
    assert "a déclaré" in incise.group(1) and 'class="dz-mention"' in incise.group(1)
    (selon,) = [q for q in source(data, PRESS)["quotations"] if q["incises"]]
    assert selon["text"] == "La conquête ne fait que commencer"


def test_a_quotation_in_the_headline_is_glossed(data):
    step = source(data, STEP)
    heading = step["blocks"][0]
    assert heading["kind"] == "heading"
    headline_quote = step["quotations"][0]
    assert heading["start"] <= headline_quote["start"] < heading["end"]


def test_straight_quotes_and_inch_marks(data):
    assert quotations(data, LAUNCH) == [
        (
            '"',
            "Nous avons choisi d'aller sur la Lune au cours de cette décennie (...) non pas "
            "parce que c'est facile, mais parce que c'est difficile",
            0,
            "glossed",
            ["kennedy-rice"],
        ),
        # 12" and 14" are inches: no quotation opens or closes there
        ('"', "un spectacle inoubliable", 0, "no_original", []),
    ]


def test_nested_angle_quotes_and_a_straight_headline(data):
    assert quotations(data, PRESS) == [
        ('"', "L'homme a marché sur la Lune", 0, "no_original", []),
        ("«", "c'est ‹le plus grand jour› de l'histoire des sciences", 0, "no_original", []),
        ("‹", "le plus grand jour", 1, "covered", []),
        ("«", "La conquête ne fait que commencer", 0, "no_original", []),
    ]


def test_a_quotation_continued_over_paragraphs_is_one(data, built):
    (call,) = source(data, CALL)["quotations"]
    assert call["glosses"] == ["nixon-appel"]
    text = source(data, CALL)["text"]
    assert len(call["spans"]) == 2
    assert text[call["spans"][0][0] : call["spans"][0][1]].startswith("Neil et Buzz")
    assert text[call["spans"][1][0] : call["spans"][1][1]].endswith("ne font vraiment qu'un")
    html = built.html(f"sources/{CALL}/index.html")
    html = html[html.index("<article") : html.index("</article>")]
    # two segments, one anchor, the English in line once (after the last segment) and
    # in the quotation's card
    assert html.count('data-gloss="nixon-appel"') == 2
    assert html.count('id="q-nixon-appel"') == 1
    inline = re.findall(r'<span class="dz-en" lang="en">.*?</span>“([^”]*)”', html)
    assert [e for e in inline if "For one priceless moment" in e] != []
    assert sum("For one priceless moment" in e for e in inline) == 1
    assert html.index('id="q-nixon-appel"') < html.index("For one priceless moment")
    assert html.count('class="dz-card-en" lang="en">“Neil and Buzz') == 1


def test_coverage_counts_every_form(built):
    index = built.html("sources/index.html")
    for done, total in ((7, 7), (2, 2), (4, 4)):
        assert f"{done} citations sur {total} glosées" in index
    assert "1 citation sur 1 glosée" in index  # the Nixon call: one quotation


# --- datelines, credits, dates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_id", "dateline", "credit", "published"),
    [
        (
            STEP,
            ("HOUSTON (Texas), 21 juil 1969 (AFP) -", "HOUSTON", "Texas", "AFP", "1969-07-21"),
            "afp/jm",
            "1969-07-21",  # from the dateline
        ),
        (
            LAUNCH,
            ("CAP KENNEDY, 16 juillet (Reuters) -", "CAP KENNEDY", None, "Reuters", None),
            "(Rédigé par le bureau de Houston, version française de la rédaction de Paris)",
            "1969-07-16",  # the dateline has no year: from the record
        ),
        (CALL, None, "ats/afp/bc", "1969-07-21"),  # from the `date` marker
        (PRESS, ("PARIS (AFP) -", "PARIS", None, "AFP", None), "© AFP", "1969-07-21"),
    ],
)
def test_datelines_credits_and_dates(data, source_id, dateline, credit, published):
    found = source(data, source_id)
    if dateline is None:
        assert found["dateline"] is None
    else:
        got = found["dateline"]
        assert (got["text"], got["place"], got["country"], got["agency"], got["date"]) == dateline
        # metadata, not body: no block holds the dateline
        at = found["text"].index(got["text"])
        assert all(b["end"] <= at or b["start"] >= at + len(got["text"]) for b in found["blocks"])
    assert found["credit"] == credit
    assert all(credit not in found["text"][b["start"] : b["end"]] for b in found["blocks"])
    assert found["published"]["edtf"] == published


def test_the_page_shows_place_and_agency(built):
    facts = visible_article_text(built.html(f"sources/{STEP}/index.html"))
    assert "Lieu" in facts and "HOUSTON (Texas)" in facts
    assert "21 juillet 1969" in facts


def test_transcript_lines_are_english_posts(data):
    posts = [b for b in source(data, CALL)["blocks"] if b["lang"] == "en"]
    assert [b["kind"] for b in posts] == ["post", "post"]
    text = source(data, CALL)["text"]
    assert text[posts[0]["start"] :].startswith("Armstrong: Houston, Tranquility Base here.")


# --- the right actor ------------------------------------------------------------------------


def mentions(data: dict[str, Any], actor_id: str) -> list[tuple[str, str, str]]:
    """(source, words, language of the block) of an actor's mentions."""
    (actor,) = [a for a in data["actors"] if a["id"] == actor_id]
    found = []
    for mention in actor["mentions"]:
        blocks = source(data, mention["source"])["blocks"]
        (block,) = [b for b in blocks if b["start"] <= mention["start"] < b["end"]]
        found.append((mention["source"], mention["words"], block["lang"]))
    return found


def test_an_english_alias_links_in_english_only(data):
    assert mentions(data, "mission-control") == [
        (STEP, "centre de contrôle de Houston", "fr"),
        (CALL, "centre de contrôle", "fr"),
        (CALL, "Houston", "en"),  # the crew's "Houston" is the control centre
    ]  # "à Houston" (the city, in French) is not


def test_a_place_named_after_a_person_is_not_the_person(data):
    assert mentions(data, "kennedy") == [(LAUNCH, "John F. Kennedy", "fr")]


def test_a_case_sensitive_alias(data):
    assert mentions(data, "us-congress") == [(CALL, "Congrès", "fr")]  # not «un congrès»


def test_the_site_is_named_by_its_record_and_has_a_home_page(built):
    home = built.html("index.html")
    assert "<title>Apollo 11, juillet 1969</title>" in home
    assert "La lettre Seely" not in home
    article = visible_article_text(home)
    assert "Apollo 11, juillet 1969" in article and "Du décollage de Saturn V" in article
    for target in (
        'href="sources/"',
        'href="actors/"',
        'href="chronology/"',
        'href="dossier.json"',
    ):
        assert target in home, target
    page = built.html(f"sources/{STEP}/index.html")
    assert "- Apollo 11, juillet 1969</title>" in page


# --- twins: each rule, broken, must show ----------------------------------------------------


@pytest.fixture
def apollo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = copy(tmp_path)
    monkeypatch.chdir(project)
    return project


def annotations(project: Path) -> Path:
    return project / "dossier" / "annotations.yml"


def rebuilt(project: Path) -> dict[str, Any]:
    result = run_build(project, strict=False)
    assert result.error is None, result.errors
    loaded: dict[str, Any] = json.loads((result.site / "dossier.json").read_text("utf-8"))
    return loaded


def test_twin_without_not_in_the_place_links_to_the_person(apollo):
    replace_in_file(annotations(apollo), "    not_in: [Cap Kennedy, centre spatial Kennedy]\n", "")
    assert (LAUNCH, "Kennedy", "fr") in mentions(rebuilt(apollo), "kennedy")


def test_twin_an_alias_listed_in_french_links_the_city(apollo):
    replace_in_file(annotations(apollo), "      en: [Houston]\n", "      en: []\n")
    replace_in_file(
        annotations(apollo),
        "      fr: [centre de contrôle, centre de contrôle de Houston]\n",
        "      fr: [centre de contrôle, centre de contrôle de Houston, Houston]\n",
    )
    found = mentions(rebuilt(apollo), "mission-control")
    assert (LAUNCH, "Houston", "fr") in found  # «en 1962 à Houston»: wrong, as the twin shows
    assert (CALL, "Houston", "en") not in found


def test_twin_a_case_insensitive_alias_links_the_meeting(apollo):
    replace_in_file(annotations(apollo), "[{words: Congrès, case_sensitive: true}]", "[Congrès]")
    assert (CALL, "congrès", "fr") in mentions(rebuilt(apollo), "us-congress")


def test_a_text_with_no_date_is_a_warning(apollo):
    line = replace_in_file(annotations(apollo), "    published: 1969-07-16\n", "")
    result = run_build(apollo, strict=False)
    (warning,) = [w for w in result.warnings if "no publication date" in w]
    id_line = line - 4  # the record's `- id:` line
    assert f"dossier/annotations.yml:{id_line}:" in warning
    assert "`reuters-decollage` has no publication date" in warning
    assert "add `published:`" in warning


def test_a_record_contradicting_its_dateline_is_a_warning(apollo):
    replace_in_file(
        annotations(apollo),
        "    agency: afp\n  - id: reuters-decollage",
        "    agency: afp\n    published: 1969-07-22\n  - id: reuters-decollage",
    )
    result = run_build(apollo, strict=False)
    (warning,) = [w for w in result.warnings if "dateline" in w]
    assert "sources[0].published: `1969-07-22` differs from the text's dateline (1969-07-21)" in (
        warning
    )


def test_the_english_edition_of_a_reuters_dispatch(second_site):
    """Another story, another agency: the translation keeps a Reuters dateline, inch
    marks that are not quotations, a quotation interrupted by «(...)» in French and
    whole in English, and a witness's words that have no English original."""
    english = second_site.html("en/sources/reuters-decollage/index.html")
    spoken = re.findall(r'<span class="dz-spoken" lang="en">([^<]*)</span>', english)
    assert "".join(spoken).replace("&#34;", "") == (
        "We choose to go to the moon in this decade and do the other things, not because "
        "they are easy, but because they are hard."
    )
    assert "12&#34; or 14&#34; television sets" in english  # inch marks, not a quotation
    assert "the dossier&#39;s translation, by the test dossier&#39;s editors" in english
    assert '<article class="dz-source" lang="en"' in english
    french = second_site.html("sources/reuters-decollage/index.html")
    assert "dz-spoken" not in french  # the French edition quotes the French
    assert 'class="dz-twin" lang="en"' in french  # with the translation beside, on request
