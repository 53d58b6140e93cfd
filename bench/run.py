"""Benchmark: the dossier plugin against plain MkDocs building the same pages.

For N in 10, 100, 1000 it generates a synthetic dossier (bench/generate.py: N French
texts, each with its English translation), builds it with the plugin (both editions,
French and English), and builds the baseline: the same pages of both editions already
rendered to Markdown (by the plugin's own renderer), with the same navigation and theme,
by plain MkDocs with no dossier plugin, one project per edition (their times added).
Each build runs REPEATS times in a fresh interpreter; medians are reported, with the
ratio dossier/baseline measured in the same run (machines are shared and noisy).
Last line: overhead_ratio_1000=<x>.

    python bench/run.py [--sizes 10 100 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from generate import generate
from markupsafe import escape
from storydossier.analysis import analyse
from storydossier.finishing import early_state_script
from storydossier.loading import load_dossier
from storydossier.pages import page_keys
from storydossier.plugin import NAV_SOURCES_LIMIT
from storydossier.render import Renderer
from storydossier.shipped import served_asset

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "plugins" / "storydossier" / "assets"


def _url(path: str) -> str:
    """Directory URL of a Markdown path, as MkDocs makes it."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def make_baseline(project: Path, out: Path) -> list[Path]:
    """Plain MkDocs projects holding the pages of each edition, already rendered: the
    French edition's in `out/fr`, the English edition's in `out/en` (built one after
    the other, as the plugin builds its editions)."""
    analysis = analyse(load_dossier(project / "dossier"))
    projects = []
    for lang in ("fr", "en"):
        home = project / "content" / ("index.en.md" if lang == "en" else "index.md")
        projects.append(_edition_baseline(analysis, project, out / lang, lang, home))
    return projects


def _edition_baseline(analysis, project: Path, out: Path, lang, home: Path) -> Path:
    keys = page_keys(analysis)
    urls = {key: _url(key.path) for key in keys}
    renderer = Renderer(analysis, lang, urls)
    content = out / "content"
    (content / "assets" / "dossier").mkdir(parents=True)
    shutil.copy(home if home.exists() else project / "content" / "index.md", content / "index.md")
    for asset in ("dossier.css", "dossier.js"):
        (content / "assets" / "dossier" / asset).write_bytes(served_asset(asset))
    for key in keys:
        target = content / key.path
        target.parent.mkdir(parents=True, exist_ok=True)
        title = json.dumps(str(escape(renderer.title(key))), ensure_ascii=False)
        target.write_text(f"---\ntitle: {title}\n---\n\n{renderer.page(key, urls[key])}\n", "utf-8")
    sources = [k.path for k in keys if k.kind == "source"]
    nav_sources = sources if len(sources) <= NAV_SOURCES_LIMIT else "sources/index.md"
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "dossier"]
    config["theme"]["language"] = lang
    config["extra_css"] = ["assets/dossier/dossier.css"]
    config["extra_javascript"] = ["assets/dossier/dossier.js"]
    texts = renderer.labels["sources"]
    config["nav"] = ["index.md", {texts: nav_sources}, "actors/index.md", "chronology.md"]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return out


def timed_build(project: Path, repeats: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, str(HERE / "_build.py"), str(project)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return (statistics.median(r["seconds"] for r in runs), max(r["peak_mb"] for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    rows = []
    print(
        f"{'N':>5} {'dossier s':>10} {'baseline s':>11} {'ratio':>6} {'ms/text':>8} "
        f"{'peak MB':>8} {'base MB':>8}"
    )
    for n in args.sizes:
        project = generate(n, work / f"dossier-{n}")
        baselines = make_baseline(project, work / f"baseline-{n}")
        ours, ours_mb = timed_build(project, args.repeats)
        timed = [timed_build(b, args.repeats) for b in baselines]
        base, base_mb = sum(t for t, _ in timed), max(mb for _, mb in timed)
        rows.append((n, ours, base))
        print(
            f"{n:>5} {ours:>10.2f} {base:>11.2f} {ours / base:>6.3f} "
            f"{1000 * ours / n:>8.1f} {ours_mb:>8.0f} {base_mb:>8.0f}",
            flush=True,
        )
    per_text = {n: ours / n for n, ours, _ in rows}
    if 100 in per_text and 1000 in per_text:
        print(f"scaling: time per text at N=1000 / at N=100 = {per_text[1000] / per_text[100]:.2f}")
    for asset in ("dossier.css", "dossier.js"):
        size = len(gzip.compress(served_asset(asset), 9))
        print(f"{asset}: {size} bytes gzipped (as served)")
    inline = len(gzip.compress(early_state_script().encode(), 9))
    print(f"early.js (inlined in each page's <head>): {inline} bytes gzipped")
    for n, ours, base in rows:
        if n == 1000:
            print(f"overhead_ratio_1000={ours / base:.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
