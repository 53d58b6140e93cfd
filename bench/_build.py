"""Build one MkDocs project in this process; print wall time and peak memory as JSON.

Run by bench/run.py in a fresh interpreter per build, so each figure is one cold build.
"""

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.disable(logging.WARNING)
start = time.perf_counter()
build(load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[1] + "/site"))
print(
    json.dumps(
        {
            "seconds": time.perf_counter() - start,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
)
