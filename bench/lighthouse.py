"""Lighthouse scores of the shipped dossier: a source page, an actor page, the chronology.

Builds the repository's own site (strict) into a temporary folder, serves it with Debian's
nginx on loopback with gzip on (as GitHub Pages and most static hosts serve), and runs
Lighthouse (npm, pinned in package.json) in Debian's Chromium with its default mobile
profile: a mid-range phone on a throttled, simulated slow 4G link. Each page is measured
RUNS times; the median of each category is reported (performance moves from run to run
on a shared machine; the other categories do not).

    python bench/lighthouse.py [--runs 3] [--json-dir DIR] [--no-gzip]

Prints a table, the audits that cost points, and one `lighthouse_<page>_<category>=`
line per figure. Exits 1 if a page misses performance >= 95, accessibility 100, best
practices 100 or SEO >= 95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the nginx and Chromium helpers the tests use

from browser_support import free_port  # noqa: E402
from lighthouse_support import CATEGORIES, GOALS, lighthouse, lost_points, scores  # noqa: E402
from nginx_support import nginx_serving, site_url  # noqa: E402

PAGES = {
    "source": "sources/milley-lettre-envoyee-par-erreur/",
    "actor": "actors/milley/",
    "chronology": "chronology/",
    "en-source": "en/sources/milley-lettre-envoyee-par-erreur/",
    "en-actor": "en/actors/milley/",
    "en-chronology": "en/chronology/",
}


def build_site(target: Path, url: str) -> None:
    """The repository's site, built strict with `url` as its site_url."""
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)],
        cwd=REPO,
        env=env,
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json-dir", type=Path, help="keep every Lighthouse report here")
    parser.add_argument(
        "--no-gzip", action="store_true", help="serve uncompressed (a host that does not gzip)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        reports = args.json_dir or work / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        port = free_port()
        build_site(work / "site", site_url(port, "/"))
        medians: dict[str, dict[str, float]] = {}
        with nginx_serving(work / "site", work, port=port, gzip=not args.no_gzip) as base:
            for name, path in PAGES.items():
                runs = []
                for run in range(args.runs):
                    result = lighthouse(base + path, reports / f"{name}-{run + 1}.json", CATEGORIES)
                    runs.append(scores(result))
                    print(f"{name} run {run + 1}: {runs[-1]}", flush=True)
                    for line in lost_points(result):
                        print(f"    {line}")
                medians[name] = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
    print()
    print(f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, figures in medians.items():
        print(f"{name:<12}" + "".join(f"{figures[c]:>16g}" for c in CATEGORIES))
    print(f"{'goal':<12}" + "".join(f"{'>= ' + str(GOALS[c]):>16}" for c in CATEGORIES))
    missed = []
    for name, figures in medians.items():
        for category in CATEGORIES:
            print(f"lighthouse_{name}_{category.replace('-', '_')}={figures[category]:g}")
            if figures[category] < GOALS[category]:
                missed.append(f"{name} {category} {figures[category]:g} < {GOALS[category]}")
    for line in missed:
        print("MISSED:", line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
