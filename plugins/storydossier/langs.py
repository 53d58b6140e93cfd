"""The two languages of a dossier, named once for every module (model, dates, pages)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
