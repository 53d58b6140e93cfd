"""The placeholders of the gloss stubs that `dossier quotes` prints, and their detection.

`cli` writes them into each stub; `loading` refuses any that an editor pasted and left
in place, naming the line, so a stub can never be published as if it were sourced.
A stub also starts as `fidelity: unverified`: until the editor says otherwise, nothing
claims the English was checked.
"""

from __future__ import annotations

from typing import Any

ENGLISH = "ENGLISH ORIGINAL, as a source reports it"
SPEAKER = "ACTOR-ID"
SAID = "YYYY-MM-DD"
URL = "https://URL-THAT-REPORTS-THE-ENGLISH"

_FIXES = {
    "en": "write the English words as a source reports them, or delete `en:`",
    "speaker": "write the id of the actor who said it (see `actors:`)",
    "said": "write when it was said (e.g. 2020-01-06), or delete `said:`",
    "provenance": "write the address of the page that reports the English, or delete it",
}


def stub_placeholders(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """(YAML path, message) for each stub placeholder left under `glosses:`."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    glosses = data.get("glosses") if isinstance(data, dict) else None
    if not isinstance(glosses, list):
        return found
    for i, gloss in enumerate(glosses):
        if not isinstance(gloss, dict):
            continue
        for field, placeholder in (("en", ENGLISH), ("speaker", SPEAKER), ("said", SAID)):
            if gloss.get(field) == placeholder:
                found.append(((("glosses", i, field)), _message(i, field)))
        provenance = gloss.get("provenance")
        if isinstance(provenance, list):
            for j, url in enumerate(provenance):
                if url == URL:
                    found.append((("glosses", i, "provenance", j), _message(i, "provenance")))
    return found


def _message(index: int, field: str) -> str:
    return (
        f"glosses[{index}].{field}: still the placeholder of the stub `dossier quotes` "
        f"printed; {_FIXES[field]}"
    )
