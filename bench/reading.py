"""How much the annotations weigh on reading: height on a phone and pages in print.

Builds the repository's own site (strict) into a temporary folder, serves it on
loopback and opens each source page in Debian's Chromium:
- at 390 px with no stored reading choice, the height of the page's <article> against
  the same article holding only its title and plain paragraphs (its words without the
  English, chips, details or ¶ links), built in the same page for the same fonts;
- printed to A4 PDF, the number of pages.

    python bench/reading.py

Prints one `height_ratio_<page>=` and one `print_pages_<page>=` line per source page.
Issue 14 asks for ratios of at most 1.25 and at most 2 pages; this script measures, it
does not judge.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the build, server and Chromium helpers of the tests

from browser_support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from project_support import copy_project, run_build  # noqa: E402

PLAIN_ARTICLE = """() => {
  const article = document.querySelector("article.dz-source");
  const plain = document.createElement("article");
  plain.className = article.className.replace("dz-source", "dz-plain");
  const title = document.createElement("h1");
  title.textContent = article.querySelector("h1").textContent;
  plain.appendChild(title);
  for (const block of article.querySelectorAll(".dz-text .dz-block")) {
    const copy = block.cloneNode(true);
    copy.querySelectorAll(".dz-en,.dz-ref,.dz-toggle,.dz-details,.dz-anchor,.dz-badge,.dz-switch-to,figcaption")
      .forEach(e => e.remove());
    const p = document.createElement(block.tagName === "H2" ? "h2" : "p");
    p.textContent = copy.textContent.trim();
    plain.appendChild(p);
  }
  article.after(plain);
  const full = article.getBoundingClientRect().height;
  const bare = plain.getBoundingClientRect().height;
  plain.remove();
  return full / bare;
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    project = copy_project(Path(tempfile.mkdtemp(prefix="dossier-reading-")) / "p")
    result = run_build(project)
    if result.error:
        raise SystemExit(result.error)
    sources = sorted(p.parent.name for p in (result.site / "sources").glob("*/index.html"))
    with serve(result.site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in sources:
            page = browser.new_page(viewport={"width": 390, "height": 900})
            page.goto(f"{url}sources/{name}/", wait_until="networkidle")
            ratio = page.evaluate(PLAIN_ARTICLE)
            pdf = page.pdf(format="A4")
            pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
            print(f"height_ratio_{name}={ratio:.3f}")
            print(f"print_pages_{name}={pages}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
