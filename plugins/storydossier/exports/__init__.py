"""Exports others can reuse, one module per format: `dossier_json` (the whole dossier
and its JSON Schema), `ical` (the chronology as a calendar), `jsonld` (schema.org graphs
for each page). Core modules: they read an `Analysis` and know nothing of MkDocs."""
