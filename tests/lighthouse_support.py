"""Run Lighthouse (npm, pinned in package.json) in Debian's Chromium and read its report.

Used by tests/test_lighthouse.py and bench/lighthouse.py.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from browser_support import CHROMIUM, CHROMIUM_ARGS

LIGHTHOUSE = Path(__file__).resolve().parent.parent / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# issue 7's goals, out of 100: the suite asserts the last three, bench/ measures all four
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}


def lighthouse(url: str, report: Path, categories: tuple[str, ...]) -> dict:
    """One Lighthouse run of `categories` on `url`; its JSON report (also in `report`)."""
    assert LIGHTHOUSE.exists(), "run `npm ci` first (scripts/test.sh does)"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(categories),
            "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    return json.loads(report.read_text("utf-8"))


def scores(result: dict) -> dict[str, int]:
    """Each category measured, out of 100."""
    return {c: round(v["score"] * 100) for c, v in result["categories"].items()}


def lost_points(result: dict) -> list[str]:
    """The weighted audits that scored below 1: where the points went."""
    lines = []
    for category, figures in result["categories"].items():
        for ref in figures["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(f"{category}: {ref['id']} {audit['score']:.2f} {shown}".rstrip())
    return lines
