"""Generate a synthetic dossier of N French texts for the benchmark, deterministic from a seed.

Each text has realistic paragraphs, «…» quotations (some nested, some interrupted by
«(...)», some with non-breaking spaces and curly apostrophes), an embedded English post,
actor aliases, and a subheading. annotations.yml has actors, glosses (some applying to
every text), and EDTF events.

    python bench/generate.py N OUT_DIR [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

WORDS = [
    "le",
    "gouvernement",
    "a",
    "annoncé",
    "mardi",
    "que",
    "les",
    "forces",
    "de",
    "la",
    "coalition",
    "allaient",
    "quitter",
    "la",
    "région",
    "selon",
    "un",
    "responsable",
    "militaire",
    "qui",
    "a",
    "requis",
    "l'anonymat",
    "après",
    "une",
    "réunion",
    "à",
    "Bagdad",
    "où",
    "les",
    "discussions",
    "ont",
    "porté",
    "sur",
    "le",
    "calendrier",
    "du",
    "retrait",
    "des",
    "troupes",
    "étrangères",
    "et",
    "sur",
    "la",
    "sécurité",
    "des",
    "bases",
]
POST = (
    "NEW: the spokesman just told reporters that the decision has not been made and "
    "that it should not have been released."
)


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


ENGLISH = [
    "the", "government", "said", "on", "Tuesday", "that", "coalition", "forces", "would",
    "leave", "the", "region", "according", "to", "a", "military", "official", "after", "a",
    "meeting", "in", "Baghdad", "where", "talks", "covered", "the", "timetable", "of", "the",
    "withdrawal", "of", "troops",
]  # fmt: skip


def _english(rng: random.Random, length: int) -> str:
    words = [rng.choice(ENGLISH) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def _translation(rng: random.Random, t: int, spokesman: str) -> str:
    """The English of text `t`, block by block, each quotation as its English original
    (as the dossier's translations are written)."""
    blocks = []
    for p in range(6):
        body = _english(rng, rng.randint(15, 30))
        if p == 1:
            body += f' "Statement {t} number 0," said {spokesman}.'
        if p == 2:
            body += f' He added "statement {t} number 1" and "shared quotation {t % 5}".'
        if p == 3:
            body += f" According to the general, \"statement {t} number 2 'the army' remains\"."
        blocks.append(body)
        if p == 2:
            blocks.append(f'Withdrawal "statement {t} number 0"')
        if p == 4:
            blocks.append(POST)
    return "\n\n".join(blocks) + " (afp)"


def generate(n: int, out: Path, seed: int = 1, translated: bool = True) -> Path:
    """A dossier of `n` texts in `out`; each with its English translation if `translated`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    sources_dir = out / "dossier" / "sources"
    sources_dir.mkdir(parents=True)
    translations_dir = out / "dossier" / "translations"
    translations_dir.mkdir()
    actors = [
        {
            "id": f"acteur-{i}",
            "name": f"Acteur {i}",
            "kind": "person",
            "affiliation": rng.choice(["États-Unis", "Irak", "Iran"]),
            "aliases": {
                "fr": [f"le porte-parole {i}", f"le général Nom{i}"],
                "en": [f"spokesman {i}"],
            },
            "bio": {"fr": f"Biographie {i}.", "en": f"Biography {i}."},
        }
        for i in range(max(5, n // 5))
    ]
    glosses, events, sources = [], [], []
    shared = [f"citation commune numéro {i} sur le retrait" for i in range(5)]
    for i, text in enumerate(shared):
        glosses.append(
            {
                "id": f"commune-{i}",
                "fr": text,
                "en": f"shared quotation {i}",
                "speaker": actors[i % len(actors)]["id"],
                "said": "2020-01-06",
                "provenance": ["https://example.org/report"],
                "fidelity": "verbatim",
            }
        )
    for t in range(n):
        speaker = actors[t % len(actors)]
        own = [f"déclaration {t} numéro {k} du porte-parole" for k in range(3)]
        paragraphs = []
        for p in range(6):
            body = _sentence(rng, rng.randint(15, 30))
            if p == 1:
                body += f" «\u00a0{own[0]}\u00a0», a dit {speaker['aliases']['fr'][0]}."
            if p == 2:
                body += f" Il a ajouté «{own[1]} (...) » et «{shared[t % 5]}»."
            if p == 3:
                body += f" Selon le général Nom{t % len(actors)}, «{own[2]} «l’armée» reste»."
            paragraphs.append(body)
            if p == 2:
                paragraphs.append(f"Retrait «{own[0]}»")
            if p == 4:
                paragraphs.append(POST)
        (sources_dir / f"texte-{t}.txt").write_text("\n\n".join(paragraphs) + " (afp)", "utf-8")
        record = {
            "id": f"texte-{t}",
            "file": f"texte-{t}.txt",
            "title": {"fr": f"Dépêche {t}", "en": f"Dispatch {t}"},
            "published": f"2020-01-{1 + t % 28:02d}",
        }
        if translated:
            english = _translation(rng, t, f"spokesman {t % len(actors)}")
            (translations_dir / f"texte-{t}.en.txt").write_text(english, "utf-8")
            record["translation"] = {"file": f"texte-{t}.en.txt", "translator": "Bench"}
        sources.append(record)
        for k, text in enumerate(own):
            if k == 2:  # the quotation that holds a nested one
                text = f"{text} «l’armée» reste"
            glosses.append(
                {
                    "id": f"g-{t}-{k}",
                    "fr": text,
                    "en": f"Statement {t} number {k}",
                    "speaker": speaker["id"],
                    "said": "2020-01-06",
                    "provenance": ["https://example.org/report"],
                    "fidelity": rng.choice(["verbatim", "condensed", "paraphrase"]),
                    "sources": [f"texte-{t}"],
                }
            )
        glosses.append(
            {
                "id": f"g-{t}-inner",
                "fr": "l’armée",
                "en": "the army",
                "speaker": speaker["id"],
                "fidelity": "unverified",
                "sources": [f"texte-{t}"],
            }
        )
        events.append(
            {
                "id": f"evenement-{t}",
                "date": rng.choice(
                    [
                        f"2020-01-{1 + t % 28:02d}",
                        "2020-01",
                        f"2019-12-{1 + t % 28:02d}/2020-01-05",
                        f"2020-01-{1 + t % 28:02d}~",
                    ]
                ),
                "title": {"fr": f"Événement {t}", "en": f"Event {t}"},
                "actors": [speaker["id"]],
                "sources": [f"texte-{t}"],
            }
        )
    annotations = {
        "dossier": {
            "title": {"fr": "Dossier synthétique", "en": "Synthetic"},
            "summary": {"fr": "Banc d'essai.", "en": "Benchmark."},
        },
        "sources": sources,
        "actors": actors,
        "glosses": glosses,
        "events": events,
    }
    (out / "dossier" / "annotations.yml").write_text(
        yaml.safe_dump(annotations, allow_unicode=True, sort_keys=False, width=120), "utf-8"
    )
    (out / "content").mkdir()
    (out / "content" / "index.md").write_text("# Dossier synthétique\n", "utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Banc d'essai\nsite_url: http://127.0.0.1:8000/\ndocs_dir: content\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - search:\n      lang: [fr, en]\n  - dossier\n",
        "utf-8",
    )
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.n, args.out, args.seed))
