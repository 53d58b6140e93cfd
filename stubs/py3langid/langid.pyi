# Type stub for the part of py3langid (shipped without types) that
# storydossier.language uses. Checked by mypy through `mypy_path` in pyproject.toml.
from typing import Any

MODEL_FILE: str

class LanguageIdentifier:
    @classmethod
    def from_model_file(cls, path: Any, norm_probs: bool = ...) -> LanguageIdentifier: ...
    def set_languages(self, langs: list[str] | None = ...) -> None: ...
    def classify(self, text: str) -> tuple[str, float]: ...
