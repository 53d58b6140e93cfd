"""What an edit to one gloss costs under `mkdocs serve`, with and without the text cache.

Generates the N=1000 dossier, analyses it once (as the first build of `mkdocs serve`
does), edits one gloss's English, then times the re-analysis with the parse cache warm
(the plugin instance lives across rebuilds) and cold (parse and fold caches cleared).

    python bench/rebuild.py [--n 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generate import generate
from storydossier import analysis as analysis_module
from storydossier.analysis import analyse
from storydossier.loading import load_dossier
from storydossier.normalise import normalise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    project = generate(args.n, Path(tempfile.mkdtemp(prefix="dossier-rebuild-")) / "p")
    folder = project / "dossier"
    analyse(load_dossier(folder))  # the first build fills the cache
    yaml_path = folder / "annotations.yml"
    text = yaml_path.read_text("utf-8")
    warm, cold = [], []
    for round_ in range(args.repeats):
        yaml_path.write_text(
            text.replace("en: shared quotation 0", f"en: shared quotation 0 (edit {round_})", 1),
            "utf-8",
        )
        start = time.perf_counter()
        analyse(load_dossier(folder))
        warm.append(time.perf_counter() - start)
        analysis_module._parse_cached.cache_clear()
        normalise.cache_clear()
        start = time.perf_counter()
        analyse(load_dossier(folder))
        cold.append(time.perf_counter() - start)
    print(
        f"N={args.n}: load + analysis after a one-gloss edit: "
        f"{statistics.median(warm):.2f} s with the text cache, "
        f"{statistics.median(cold):.2f} s without (median of {args.repeats})"
    )


if __name__ == "__main__":
    main()
