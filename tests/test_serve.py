"""`mkdocs serve` as an editor lives with it: edits show up, a broken save never kills it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_support import free_port

PAGE = "sources/milley-lettre-envoyee-par-erreur/"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, condition, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = _get(url)
        if condition(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting on {url}; last body had {len(body)} characters")


@pytest.fixture
def server(project: Path):
    port = free_port()
    log = (project / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", project / "serve.log", process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


def test_edit_break_and_recover_without_restart(server, project):
    base, log_path, process = server
    yaml_path = project / "dossier" / "annotations.yml"
    good = yaml_path.read_text("utf-8")
    _wait_for(base + PAGE, lambda body: "It&#39;s an honest mistake" in body)

    edited = good.replace("en: It's an honest mistake\n", "en: It's an honest mistake, edited\n")
    assert edited != good
    yaml_path.write_text(edited, "utf-8")
    _wait_for(base + PAGE, lambda body: "honest mistake, edited" in body)

    broken = edited.replace("    name: Mark T. Esper\n", "    name: Mark T. Esper\n    name: X\n")
    yaml_path.write_text(broken, "utf-8")
    page = _wait_for(base + PAGE, lambda body: "dz-error-banner" in body)
    assert "honest mistake, edited" in page  # the last good page, still served
    assert "duplicate key `name`" in page
    assert process.poll() is None
    terminal = log_path.read_text("utf-8")
    assert "dossier/annotations.yml:" in terminal and "duplicate key `name`" in terminal
    assert "Traceback" not in terminal

    yaml_path.write_text(edited.replace("honest mistake, edited", "honest mistake, fixed"), "utf-8")
    page = _wait_for(base + PAGE, lambda body: "honest mistake, fixed" in body)
    assert "dz-error-banner" not in page
    assert process.poll() is None


def test_faults_while_serving(server, project):
    """A source deleted, then the YAML saved half-written: the server survives both."""
    base, log_path, process = server
    _wait_for(base + PAGE, lambda body: "It&#39;s an honest mistake" in body)
    source = project / "dossier" / "sources" / "lettre-retrait-irak-ats.txt"
    kept = source.read_bytes()
    source.unlink()
    page = _wait_for(base + PAGE, lambda body: "dz-error-banner" in body)
    assert "no file `lettre-retrait-irak-ats.txt`" in page
    assert "It&#39;s an honest mistake" in page  # last good content still served
    source.write_bytes(kept)
    _wait_for(base + PAGE, lambda body: body and "dz-error-banner" not in body)

    yaml_path = project / "dossier" / "annotations.yml"
    full = yaml_path.read_text("utf-8")
    cut = full.index("    name: Mark T. Esper") + len("    name: Mark T")
    yaml_path.write_text(full[:cut].replace("Mark T", "Mark T") + "\n  - id: [", "utf-8")
    page = _wait_for(base + PAGE, lambda body: "dz-error-banner" in body)
    assert "YAML syntax error" in page
    yaml_path.write_text(full, "utf-8")
    page = _wait_for(base + PAGE, lambda body: body and "dz-error-banner" not in body)
    assert "It&#39;s an honest mistake" in page
    assert process.poll() is None
    assert "Traceback" not in log_path.read_text("utf-8")
