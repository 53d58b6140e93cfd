"""The register of quotations (issue 16, item 4): every quotation of the dossier on one
page per edition, the same rows as CSV, filters that work with and without JavaScript,
and a citation ready to paste."""

from __future__ import annotations

import csv
import io
import re

import pytest
import yaml
from browser_support import screenshot
from playwright.sync_api import expect
from project_support import REPO

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text("utf-8"))
GLOSSES = ANNOTATIONS["glosses"]


def rows_of(html: str) -> list[str]:
    return re.findall(r'<tr id="([a-z0-9-]+)" data-speaker', html)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_register_lists_every_quotation_with_its_english(shipped_site, prefix):
    html = shipped_site.html(f"{prefix}quotations/index.html")
    assert rows_of(html) == [g["id"] for g in GLOSSES]
    assert len(GLOSSES) == 14
    for gloss in GLOSSES:
        row = html[html.index(f'<tr id="{gloss["id"]}"') :]
        row = row[: row.index("</tr>")]
        english = gloss["en"].replace("'", "&#39;").replace('"', "&#34;")
        assert " ".join(english.split()) in " ".join(row.split()), gloss["id"]
        assert f'href="../actors/{gloss["speaker"]}/"' in row  # the speaker's page


def test_the_csv_holds_the_same_rows(shipped_site):
    table = list(csv.DictReader(io.StringIO((shipped_site.site / "quotations.csv").read_text())))
    assert [r["id"] for r in table] == [g["id"] for g in GLOSSES]
    by_id = {r["id"]: r for r in table}
    for gloss in GLOSSES:
        assert by_id[gloss["id"]]["english"] == " ".join(gloss["en"].split())
        assert by_id[gloss["id"]]["speaker_id"] == gloss["speaker"]
        assert by_id[gloss["id"]]["fidelity"] == gloss["fidelity"]
    esper = by_id["esper-etat-esprit"]
    assert esper["quoted_in"] == (
        f"{shipped_site.url}sources/milley-lettre-envoyee-par-erreur/#q-esper-etat-esprit"
    )


def visible_rows(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.dz-register tbody tr')]"
        ".filter(r => r.offsetParent !== null).map(r => r.id)"
    )


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False])
def test_filters_work_with_and_without_javascript(browser, shipped_site, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(shipped_site.url + "quotations/")
    assert len(visible_rows(page)) == 14  # nothing chosen: every quotation
    page.get_by_label("Mark T. Esper").check()
    assert visible_rows(page) == [g["id"] for g in GLOSSES if g["speaker"] == "esper"]
    page.get_by_label("Paraphrase").check()
    assert visible_rows(page) == ["esper-etat-esprit"]
    if javascript:  # the choice is kept in the address, and read back from it
        assert "speaker=esper" in page.url and "fidelity=paraphrase" in page.url
        expect(page.locator(".dz-reg-status")).to_have_text("1 citation sur 14")  # singular
        page.goto(shipped_site.url + "quotations/?text=lettre-retrait-irak-ats")
        text = shipped_site.html("sources/lettre-retrait-irak-ats/index.html")
        quoted_there = [g["id"] for g in GLOSSES if f'data-gloss="{g["id"]}"' in text]
        assert len(quoted_there) == 8
        assert visible_rows(page) == quoted_there
        screenshot(page, "register-filtered")
    context.close()


@pytest.mark.browser
def test_copy_citation_gives_a_ready_attribution(browser, shipped_site):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(shipped_site.url + "en/quotations/")
    page.locator("#milley-erreur-bonne-foi .dz-cite").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Mark A. Milley, 6 January 2020: “It's an honest mistake”.")
    assert "Reported by WTKR, 6 January 2020 <https://www.wtkr.com/" in copied
    assert "In French «C'est une erreur commise en toute bonne foi»." in copied
    assert copied.endswith(f"Source: {shipped_site.url}en/quotations/.")
    context.close()
