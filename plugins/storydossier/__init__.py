"""storydossier: annotated story dossiers built as a static bilingual site.

The core modules (model, loading, texts, quotes, linking, dates, analysis) know nothing of
MkDocs; `plugin` is the thin MkDocs adapter and `cli` the editor's command line.
"""

__version__ = "0.1.0"
