"""The `dossier` command: check a dossier, list a text's quotations, write the schema.

An editor's tool beside `mkdocs serve`; it uses the core only (no site is built):
- `dossier check [--strict]` prints every problem as `file:line:col: message`;
- `dossier quotes [SOURCE]` lists quotations with their gloss status and prints a YAML
  stub for each unglossed one (it never writes into annotations.yml);
- `dossier schema [-o FILE]` writes the JSON Schema of the annotation file;
- `dossier new FOLDER` starts a new dossier project that builds at once.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

import yaml

from . import placeholders
from .analysis import Analysis, analyse
from .loading import load_dossier
from .model import Dossier
from .problems import DossierError
from .scaffold import new_project

SCHEMA_PATH = Path("schema") / "annotations.schema.json"


def schema_text() -> str:
    """The JSON Schema of annotations.yml, as committed in schema/."""
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Annotated story dossier: annotations.yml"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _analysed(folder: str) -> Analysis | None:
    """The analysed dossier, or None after printing every error (one per line)."""
    try:
        return analyse(load_dossier(folder))
    except DossierError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} error(s)", file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    analysis = _analysed(args.folder)
    if analysis is None:
        return 1
    for warning in analysis.warnings:
        print(f"{warning} [warning]")
    count = len(analysis.warnings)
    if count and args.strict:
        print(f"{count} warning(s), which --strict counts as errors", file=sys.stderr)
        return 1
    untranslated = len(analysis.sources) - len(analysis.translations)
    print(
        f"dossier OK: {len(analysis.sources)} texts, {untranslated} without an English "
        "translation" + (f", {count} warning(s)" if count else ""),
        file=sys.stderr,
    )
    return 0


def _stub(fr: str, source_id: str, index: int) -> str:
    entry = {
        "id": f"{source_id}-citation-{index}",
        "fr": fr,
        "en": placeholders.ENGLISH,
        "speaker": placeholders.SPEAKER,
        "said": placeholders.SAID,
        "provenance": [placeholders.URL],
        # nothing is claimed until the editor has checked the English against a source
        "fidelity": "unverified",
    }
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    return "\n".join("  " + line for line in dumped.rstrip().splitlines())


def _quotes(args: argparse.Namespace) -> int:
    analysis = _analysed(args.folder)
    if analysis is None:
        return 1
    if args.source and args.source not in analysis.sources:
        print(f"no source `{args.source}`; known: {', '.join(analysis.sources)}")
        return 1
    stubs: list[str] = []
    for source_id, view in analysis.sources.items():
        if args.source and source_id != args.source:
            continue
        done, total = view.coverage
        print(f"{source_id} ({view.file}): {done} of {total} quotations glossed")
        for quote in view.quotes:
            glosses = ", ".join(u.gloss_id for u in quote.uses)
            status = f"{quote.status}" + (f" by {glosses}" if glosses else "")
            print(f"  {view.file}:{quote.line}: «{quote.text}» [{status}]")
            if quote.status == "unglossed":
                stubs.append(_stub(quote.text, source_id, len(stubs) + 1))
    if stubs:
        print(
            "\n# Every CAPITALISED value is a placeholder: the build refuses it until you\n"
            "# replace it or delete its line. `fidelity` stays `unverified` until you have\n"
            "# checked the English against the source you give under `provenance`.\n"
            "# Paste under `glosses:` in annotations.yml, then fill in the English:"
        )
        print("\n".join(stubs))
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    target = Path(args.target)
    try:
        written = new_project(target, schema_text())
    except DossierError as error:
        for problem in error.problems:
            print(problem)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(
        f"\nNext: cd {target} && mkdocs serve   (then drop your texts into "
        "dossier/sources/ and describe them in dossier/annotations.yml)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default="dossier", help="the dossier folder (default: dossier)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the dossier without building a site")
    check.add_argument("--strict", action="store_true", help="count warnings as errors")
    check.set_defaults(run=_check)
    quotes = commands.add_parser("quotes", help="list a text's quotations and print stubs")
    quotes.add_argument("source", nargs="?", help="a source id (default: every text)")
    quotes.set_defaults(run=_quotes)
    schema = commands.add_parser("schema", help="write the JSON Schema of annotations.yml")
    schema.add_argument("-o", "--output", default=str(SCHEMA_PATH), help="file, or - for stdout")
    schema.set_defaults(run=_schema)
    new = commands.add_parser("new", help="start a new dossier project in FOLDER")
    new.add_argument("target", metavar="FOLDER", help="a new or empty folder")
    new.set_defaults(run=_new)
    args = parser.parse_args(argv)
    # Messages and counts go out in the order they were made, to a terminal or a pipe.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # `dossier quotes | head`: the reader has all it wanted; no traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
