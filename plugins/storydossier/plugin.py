"""The MkDocs adapter: load the dossier, add its pages, hand them their HTML.

A thin layer over the core (`loading`, `analysis`, `render`):
- `on_config` loads and analyses the dossier before MkDocs cleans `site/`, so a broken
  edit raises a `PluginError` with the editor's messages and the last good site stays;
- `on_files` adds the generated pages (`File.generated`, nothing written to docs_dir)
  and the plugin's CSS and JS;
- `on_page_content` replaces each generated page's content with the rendered body, so
  Material lays it out and its search indexes it;
- `on_serve` watches the dossier folder so `mkdocs serve` rebuilds on every edit;
- `on_post_build` builds the site's other editions (`editions`), each a nested build of
  the same configuration in its own language and folder, sharing the analysis.
"""

from __future__ import annotations

import gzip
import importlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .analysis import Analysis, analyse
from .editions import LANGUAGE_NAMES, Editions, edition_source, point_switcher, sitemap_with_twins
from .exports.dossier_json import dossier_json, dossier_json_schema
from .exports.ical import chronology_ics
from .exports.jsonld import jsonld_for, jsonld_script
from .exports.register_csv import register_csv
from .finishing import finish_page
from .labels import LABELS
from .langs import Lang
from .loading import display_path, load_dossier
from .model import DossierInfo
from .pages import (
    ACTORS,
    CHRONOLOGY,
    HOME,
    QUOTATIONS,
    SOURCES,
    PageKey,
    page_keys,
    page_origin,
)
from .problems import DossierError
from .register import EXPORT_CSV
from .render import Renderer
from .shipped import served_asset
from .textcache import AnalysisCache

log = get_plugin_logger(__name__)


def _serve_log() -> logging.Logger:
    """The logger for `mkdocs serve` problems: outside the `mkdocs` logger, whose strict
    counter would block every request until the file is fixed. Set up on first use, not
    at import."""
    logger = logging.getLogger("storydossier.serve")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


ASSETS = ("dossier.css", "dossier.js")
EXPORT_JSON = "dossier.json"
EXPORT_SCHEMA = "dossier.schema.json"
EXPORT_ICS = "chronology.ics"
ASSET_DIR = "assets/dossier"
NAV_SOURCES_LIMIT = 30  # texts listed one by one in the navigation; past it, their index


class DossierConfig(base.Config):
    folder = c.Dir(exists=True, default="dossier")
    """The dossier folder: `annotations.yml` and `sources/`, relative to mkdocs.yml."""

    lang = c.Optional(c.Choice(("fr", "en")))
    """Interface language of the generated pages; defaults to Material's `theme.language`."""

    editions = c.ListOfItems(c.Choice(("fr", "en")), default=[])
    """The site's editions, the first at the root and each other in `<lang>/`; by default
    the interface language, then the other one. `[fr]` builds one edition only."""


class DossierPlugin(BasePlugin[DossierConfig]):
    """Builds a dossier's source, actor and chronology pages into a Material site."""

    def __init__(self) -> None:
        self.serving = False
        self.banner: list[str] = []  # errors shown on every page while serving
        self.analysis: Analysis | None = None
        self.analysis_cache = AnalysisCache()  # per-text results, across serve rebuilds
        self.renderer: Renderer | None = None
        self.keys: dict[str, PageKey] = {}  # src_uri -> page key
        self.primary: DossierPlugin | None = None  # set on another edition's instance
        self.editions = Editions(("fr",))
        self.root_url = ""  # the site's address (the first edition's), for hreflang

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps this instance (and its last good analysis) across
        `mkdocs serve` rebuilds."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.primary is not None:
            return self._edition_config(config, self.primary)
        lang = self._lang(config)
        langs = tuple(self.config.editions) or (lang, "en" if lang == "fr" else "fr")
        self.editions = Editions(langs)  # type: ignore[arg-type]
        self.root_url = config.site_url or ""
        _localise_theme(config, lang, self.editions)
        self.banner = []
        try:
            loaded = load_dossier(self.config.folder)
            analysis = analyse(loaded, self.analysis_cache)
        except DossierError as error:
            if self.serving and self.analysis is not None:
                # Keep serving the last good pages, with the errors shown on each page.
                # Logged outside the `mkdocs` logger: MkDocs' strict counter would
                # otherwise block every request until the file is fixed.
                for problem in error.problems:
                    _serve_log().error(str(problem))
                self.banner = [str(p) for p in error.problems]
                return self._add_assets(config)
            raise PluginError(_errors_text(error)) from None
        self.analysis = analysis
        _name_the_site(config, loaded.dossier.dossier, lang)
        log.debug(
            "texts analysed: %d, kept from the last build: %d",
            self.analysis_cache.analysed,
            self.analysis_cache.reused,
        )
        if self.serving:
            for warning in self.analysis.warnings:
                _serve_log().warning(str(warning))
            return self._add_assets(config)
        for warning in self.analysis.warnings:
            log.warning(str(warning))
        if config.strict and self.analysis.warnings:
            # Fail now, before MkDocs cleans site/: the last good site stays in place.
            raise PluginError(
                f"{len(self.analysis.warnings)} dossier warning(s) in strict mode "
                "(listed above); site/ was left unchanged"
            )
        return self._add_assets(config)

    def _edition_config(self, config: MkDocsConfig, primary: DossierPlugin) -> MkDocsConfig:
        """Another edition: the first one's analysis (its warnings already reported),
        this edition's language for our pages, Material's and the site's name."""
        self.analysis, self.banner = primary.analysis, primary.banner
        self.analysis_cache, self.editions = primary.analysis_cache, primary.editions
        self.root_url, self.serving = primary.root_url, primary.serving
        lang = self._lang(config)
        _localise_theme(config, lang, self.editions)
        if self.analysis is not None:
            _name_the_site(config, self.analysis.dossier.dossier, lang)
        return self._add_assets(config)

    def _add_assets(self, config: MkDocsConfig) -> MkDocsConfig:
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            uri = f"{ASSET_DIR}/{asset}"
            if uri not in target:
                target.append(uri)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Fail before MkDocs cleans site/ if the site cannot be written at all."""
        site = Path(config.site_dir)
        try:
            site.mkdir(parents=True, exist_ok=True)
            probe = site / ".dossier-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise PluginError(
                f"cannot write the site to {display_path(site)}: {error.strerror or error}; "
                "check the folder's permissions (or `site_dir` in mkdocs.yml). "
                "Nothing was changed."
            ) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.analysis is not None
        files = self._edition_files(files, config)
        # A hand-written content/index.md is the home page; without one, the dossier's.
        home = files.get_file_from_path(HOME.path) is None
        self.keys = {key.path: key for key in page_keys(self.analysis, home=home)}
        for path, key in self.keys.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"content/{path} exists, but the dossier generates this page: "
                    "rename or remove the hand-written file"
                )
            generated = File.generated(config, path, content=_stub(key))
            # "Edit this page" opens the file that produced the page, relative to docs_dir.
            origin = page_origin(key, self.analysis)
            generated.edit_uri = os.path.relpath(origin, config.docs_dir)
            files.append(generated)
        lang = self._lang(config)
        exports: dict[str, str | bytes] = {
            EXPORT_JSON: dossier_json(self.analysis),
            EXPORT_SCHEMA: dossier_json_schema(),
            EXPORT_ICS: chronology_ics(self.analysis, lang),
        }
        for path, content in exports.items():
            files.append(File.generated(config, path, content=content))
        for asset in ASSETS:
            files.append(
                File.generated(config, f"{ASSET_DIR}/{asset}", content=served_asset(asset))
            )
        return files

    def _edition_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The hand-written pages of this edition: `index.en.md` is the English
        edition's `index.md`; `index.md` serves the editions without their own."""
        lang, langs = self._lang(config), self.editions.langs
        own: dict[str, File] = {}  # page -> this edition's own file for it
        for file in [f for f in files if f.src_uri.endswith(".md")]:
            target, serves = edition_source(file.src_uri, lang, langs)
            if target != file.src_uri:
                files.remove(file)
                if serves:
                    own[target] = file
        for target, file in own.items():
            shared = files.get_file_from_path(target)
            if shared is not None:
                files.remove(shared)
            source = file.abs_src_path or os.path.join(config.docs_dir, file.src_uri)
            files.append(File.generated(config, target, abs_src_path=source))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.analysis is not None
        lang = self._lang(config)
        urls = {key: _file(files, path).url for path, key in self.keys.items()}
        self.renderer = Renderer(self.analysis, lang, urls, config.site_url or "")
        # the register as CSV needs the pages' addresses: added here, copied with the rest
        csv_text = register_csv(self.analysis, lang, urls, config.site_url or "")
        files.append(File.generated(config, EXPORT_CSV, content=csv_text))
        return self._shape_nav(nav, files)

    def _shape_nav(self, nav: Navigation, files: Files) -> Navigation:
        """Hand-written pages first, then the texts, the actor index and the chronology.

        Actor pages are reached from the actor index, not listed in the tree: the
        navigation stays readable (and cheap to render) however many actors there are.
        """
        assert self.renderer is not None
        ours = set(self.keys)

        def page_of(key: PageKey) -> Page:
            page = _file(files, key.path).page
            assert page is not None
            return page

        def is_ours(item: StructureItem) -> bool:
            if isinstance(item, Section):
                return all(is_ours(child) for child in item.children)
            return isinstance(item, Page) and item.file.src_uri in ours

        kept = [item for item in nav.items if not is_ours(item)]
        if HOME.path in self.keys:
            home = page_of(HOME)
            home.title = self.renderer.labels["home"]  # the site's name heads the nav already
            kept.insert(0, home)
        text_keys = [k for k in self.keys.values() if k.kind == "source"]
        sources: list[StructureItem] = [page_of(k) for k in text_keys]
        sources_index = page_of(SOURCES)
        sources_index.title = self.renderer.labels["sources"]
        if len(sources) <= NAV_SOURCES_LIMIT:
            texts_section = Section(self.renderer.labels["sources"], sources)
            for page in sources:
                page.parent = texts_section
            section: StructureItem = texts_section
        else:
            # Past a few dozen texts, listing each in the tree helps no reader and makes
            # every page render the whole list (quadratic): the tree shows their index.
            section = sources_index
        sources_index.parent = None
        actors_index, chronology = page_of(ACTORS), page_of(CHRONOLOGY)
        register = page_of(QUOTATIONS)
        actors_index.title = self.renderer.labels["actors"]
        chronology.title = self.renderer.labels["chronology"]
        register.title = self.renderer.labels["quotations"]
        for page in (actors_index, chronology, register):
            page.parent = None
        items = [*kept[:1], section, actors_index, chronology, register, *kept[1:]]
        pages = [p for item in items for p in _pages(item)]
        for index, page in enumerate(pages):
            page.previous_page = pages[index - 1] if index else None
            page.next_page = pages[index + 1] if index + 1 < len(pages) else None
        off_nav = [k for k in self.keys.values() if k.kind == "actor"]
        if len(sources) <= NAV_SOURCES_LIMIT:
            off_nav.append(SOURCES)
        else:
            off_nav += text_keys
        for key in off_nav:
            page = page_of(key)
            page.parent = None
            page.previous_page = page.next_page = None
        return Navigation(items, pages)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        key = self.keys.get(page.file.src_uri)
        if key is not None and self.renderer is not None:
            # MkDocs treats page titles as HTML and its theme environment does not
            # autoescape (Material prints nav titles raw): hand it escaped text.
            # Material's <title> applies `striptags`, which unescapes: a title holding
            # "</title><script>" would break out. Its `page.meta.title` branch does not.
            if key == HOME:  # its <title> is the site's name alone; "Home" in the nav
                page.title = self.renderer.labels["home"]
                return markdown
            page.title = escape(self.renderer.title(key))
            page.meta["title"] = page.title
            if key.kind in ("source", "quotations", "chronology"):  # room for the page's own
                page.meta["hide"] = ["toc"]
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        key = self.keys.get(page.file.src_uri)
        if key is None or self.renderer is None:
            return html
        return self.renderer.page(key, page.url)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Early-state script, search dialog name, error banner and JSON-LD (finishing.py)."""
        labels = LABELS[self._lang(config)]
        banner = ""
        if self.banner and self.renderer is not None:
            banner = self.renderer.env.get_template("banner.html").render(problems=self.banner)
        key = self.keys.get(page.file.src_uri)
        head = ""
        if key is not None and self.renderer is not None:
            assert self.analysis is not None
            graph = jsonld_for(self.analysis, key, self.renderer.urls, config.site_url or "")
            head = jsonld_script(graph) + self.renderer.head(key)
        finished = finish_page(
            output, search_label=str(escape(labels["search"])), banner=banner, head=head
        )
        if len(self.editions.langs) < 2:
            return finished
        lang, editions = self._lang(config), self.editions
        twins: dict[str, str] = {o: editions.twin(lang, page.url, o) for o in editions.langs}
        hreflang = editions.hreflang_links(self.root_url, lang, page.url)
        return point_switcher(finished, twins, hreflang)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The first edition built, build the others into their folders, then name each
        page's twins in every edition's sitemap."""
        if self.primary is not None or len(self.editions.langs) < 2:
            return
        for lang in self.editions.langs[1:]:
            _build_edition(config, self, lang)
        site = Path(config.site_dir)
        for lang in self.editions.langs:
            folder = site / self.editions.prefix(lang)
            sitemap = (folder / "sitemap.xml").read_text("utf-8")
            named = sitemap_with_twins(sitemap, lang, self.editions, self.root_url)
            (folder / "sitemap.xml").write_text(named, "utf-8")
            (folder / "sitemap.xml.gz").write_bytes(gzip.compress(named.encode(), mtime=0))

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(Path(self.config.folder)))
        return server

    def _lang(self, config: MkDocsConfig) -> Lang:
        """This build's language: set for another edition, else `lang`, else the theme's."""
        if self.config.lang == "en":
            return "en"
        if self.config.lang == "fr":
            return "fr"
        theme_lang = str(config.theme.get("language") or "fr")
        return "en" if theme_lang.startswith("en") else "fr"


_KEPT_SETTINGS = ("docs_dir", "use_directory_urls", "strict", "repo_url", "edit_uri")


def _build_edition(config: MkDocsConfig, primary: DossierPlugin, lang: Lang) -> None:
    """Build the edition `lang` of the site configured by `config`: the same settings,
    its own folder and address, its language; the engine (MkDocs or ProperDocs) that
    built the first edition builds it."""
    engine = type(config).__module__.split(".")[0]
    build = importlib.import_module(f"{engine}.commands.build").build
    load_config = importlib.import_module(f"{engine}.config").load_config
    prefix = primary.editions.prefix(lang)
    # The same file, with what a caller may have set instead (tests, `serve`'s folder).
    kept = {key: config[key] for key in _KEPT_SETTINGS}
    edition = load_config(
        config_file=config.config_file_path,
        **kept,
        site_dir=os.path.join(config.site_dir, prefix),
        site_url=(primary.root_url + prefix) if primary.root_url else None,
    )
    edition.theme["language"] = lang
    # MkDocs keeps one instance of a plugin that has `on_startup` for the whole process
    # (serve's rebuilds): it may be `primary` itself, so what is set is set back.
    plugin = next(p for p in edition.plugins.values() if isinstance(p, DossierPlugin))
    own_lang = plugin.config.lang
    plugin.primary, plugin.config["lang"] = primary, lang
    try:
        build(edition)
    finally:
        plugin.primary, plugin.config["lang"] = None, own_lang


def _localise_theme(config: MkDocsConfig, lang: Lang, editions: Editions) -> None:
    """Material's interface in the edition's language: its strings (`theme.language`),
    the palette toggle's names (mkdocs.yml can give them in one language only) and its
    language selector (its links are pointed at each page's twin in on_post_page)."""
    config.theme["language"] = lang
    if len(editions.langs) > 1:
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES[other], "link": "./", "lang": other} for other in editions.langs
        ]
    labels = LABELS[lang]
    for scheme in config.theme.get("palette") or []:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            dark = scheme.get("scheme") == "slate"
            scheme["toggle"]["name"] = labels["to_light" if dark else "to_dark"]


def _pages(item: StructureItem) -> list[Page]:
    if isinstance(item, Section):
        return [p for child in item.children for p in _pages(child)]
    return [item] if isinstance(item, Page) else []


def _name_the_site(config: MkDocsConfig, record: DossierInfo, lang: Lang) -> None:
    """The site is named and described by the dossier's own record, in the interface
    language: a new story never goes out under the last one's name."""
    # Material prints both without escaping (in <title>, attributes, the header): the
    # record's text is escaped here, as page titles are in on_page_markdown.
    config.site_name = str(escape(record.title.pick(lang)))
    config.site_description = str(escape(" ".join(record.summary.pick(lang).split())))


def _file(files: Files, path: str) -> File:
    """The generated file at `path` (on_files added it)."""
    found = files.get_file_from_path(path)
    if found is None:
        raise PluginError(f"internal: the generated page {path} is missing from the site")
    return found


def _stub(key: PageKey) -> str:
    """The Markdown of a generated page: its content is rendered in on_page_content."""
    return f"<!-- generated by the dossier plugin: {key.kind} {key.ident} -->\n"


def _errors_text(error: DossierError) -> str:
    count = len(error.problems)
    if count == 1:
        return f"{error.problems[0]} (site/ was left unchanged)"
    head = f"the dossier has {count} error{'s' if count > 1 else ''}; site/ was left unchanged:"
    return "\n".join([head, *(f"  {p}" for p in error.problems)])
