"""What an edit to one gloss costs under `mkdocs serve`, with and without the plugin's caches.

Generates the N=1000 dossier and builds it once in this process, as `mkdocs serve` does
first (MkDocs keeps the plugin instance, and so its caches, across rebuilds because the
plugin defines on_startup). Then, for two kinds of edit to annotations.yml:

- the English of a gloss quoted in every text (no pattern changes: no text is redone);
- the French of a gloss quoted in one text (that text, and only it, is redone);

it times, REPEATS times each, (a) load + analysis alone and (b) the whole rebuild
(load_config + build, as serve's rebuild does), once with the caches warm and once with
them emptied (analysis cache, parsed and folded texts). Medians are printed.

    python bench/rebuild.py [--n 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from generate import generate
from mkdocs.commands.build import build
from mkdocs.config import load_config
from storydossier import textpass
from storydossier.analysis import analyse
from storydossier.loading import load_dossier
from storydossier.normalise import normalise
from storydossier.textcache import AnalysisCache


def empty_caches(cache_holder) -> None:
    cache_holder.analysis_cache = AnalysisCache()
    textpass.parse_cached.cache_clear()
    normalise.cache_clear()


def toggle(path: Path, first: str, second: str) -> Callable[[], None]:
    """An edit that swaps `first` and `second` each time it is applied."""

    def edit() -> None:
        text = path.read_text("utf-8")
        old, new = (first, second) if first in text else (second, first)
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the French edit leaves a gloss unmatched: a warning
    project = generate(args.n, Path(tempfile.mkdtemp(prefix="dossier-rebuild-")) / "p")
    folder = project / "dossier"
    yaml_path = folder / "annotations.yml"
    middle = args.n // 2
    edits = {
        "English of a gloss in every text": toggle(
            yaml_path, "en: shared quotation 0\n", "en: shared quotation 0 (edited)\n"
        ),
        "French of a gloss in one text": toggle(
            yaml_path,
            f"fr: déclaration {middle} numéro 0 du porte-parole\n",
            f"fr: déclaration {middle} numéro 0 du porte-parole (modifiée)\n",
        ),
    }

    def rebuild() -> None:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))

    rebuild()  # serve's first build
    plugin = load_config(str(project / "mkdocs.yml")).plugins["dossier"]
    # the instance MkDocs will hand every rebuild: its caches are the ones to measure
    assert plugin.analysis is not None, "MkDocs did not keep the plugin instance"

    standalone = SimpleNamespace(analysis_cache=AnalysisCache())  # load + analysis alone

    def analysis() -> None:
        analyse(load_dossier(folder), standalone.analysis_cache)

    analysis()
    print(f"N={args.n}, median of {args.repeats}; seconds")
    print(
        f"{'edit':<36}{'texts redone':>13}{'analysis warm':>15}{'cold':>8}"
        f"{'rebuild warm':>14}{'cold':>8}"
    )
    for name, edit in edits.items():
        figures: dict[str, list[float]] = {k: [] for k in ("aw", "ac", "bw", "bc")}
        redone = []
        for _ in range(args.repeats):
            edit()
            figures["aw"].append(timed(analysis))
            redone.append(standalone.analysis_cache.analysed)
            empty_caches(standalone)
            edit()
            figures["ac"].append(timed(analysis))
            edit()
            figures["bw"].append(timed(rebuild))
            edit()
            empty_caches(plugin)
            figures["bc"].append(timed(rebuild))
        m = {k: statistics.median(v) for k, v in figures.items()}
        print(
            f"{name:<36}{max(redone):>13}{m['aw']:>15.2f}{m['ac']:>8.2f}"
            f"{m['bw']:>14.2f}{m['bc']:>8.2f}"
        )


if __name__ == "__main__":
    main()
