"""Read built HTML as a reader does: the visible text of the page's article."""

from __future__ import annotations

from html.parser import HTMLParser

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside script/style/hidden
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        hides = tag in ("script", "style", "template") or any(k == "hidden" for k, _ in attrs)
        self.stack.append(hides)
        if tag == "article":
            self.depth += 1
        if hides:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        if self.stack.pop():
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def visible_article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return "".join(parser.parts)
