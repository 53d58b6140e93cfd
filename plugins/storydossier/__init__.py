"""storydossier: annotated story dossiers built as a static bilingual site.

The core knows nothing of MkDocs. In data-flow order: `yamlmarks`, `model` and `loading`
read and check the dossier; `texts`, `quotes`, `normalise` and `matching` are the tools
of `textpass`, the analysis of one text (with its steps `assign`, `mentions`, `inline`,
`anchors`), kept across rebuilds by `textcache`; `analysis` coordinates, with
`crosslinks` and `diagnostics`; `views` are what it yields. Pages: `pages` (typed keys),
`present`, `chronology`, `timeline` and `render`; `exports/` one module per format.
`plugin` is the thin MkDocs adapter, `cli` the editor's command line.
"""

__version__ = "0.1.0"
