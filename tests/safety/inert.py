"""What makes markup live: script elements, event-handler attributes, script
URLs, and any element or comment that came from the payload corpus.

`scan(text)` reads HTML (a page, or a fragment such as a search-index entry)
with the standard library's tokenizer, which, like a browser, treats
whatever `<` starts as a tag. Escaped data only ever stands in text and
inside quoted attribute values; data that escaped its escaping makes
elements and attributes of its own. So a document is inert when, compared
with a build of clean data (`Allowed`):
- every script is one the theme writes;
- no attribute is an event handler, a script URL or a meta refresh the
  clean build does not have;
- every element has a tag and a set of attribute names the clean build has
  (an injected <img onerror>, <details ontoggle> or <xss> does not);
- no comment, declaration, processing instruction or style sheet carries a
  payload's marker;
- every "<script" in the raw text is a script element the parser saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping",
    "cite", "longdesc", "manifest", "codebase", "dynsrc", "lowsrc", "icon"})
# Every payload in payloads.yml that is markup holds one of these; the theme's own tags hold none.
MARKERS = ("alert(", "evil", "msgbox", "伪造", "injected", "<xss")  # compared in lower case
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_RAW_SCRIPT = re.compile(r"<script\b", re.I)


def depth_free(text: str) -> str:
    """The same theme script on pages at different depths: "../../assets/x.js"
    and "assets/x.js" compare equal, and so do the scopes "../..", "." and "/"."""
    text = re.sub(r"(?:\.\./|\./)+", "", text)
    text = re.sub(r"([\"'\s=(])/(?=assets/)", r"\1", text)
    # A community page names its own search index: the same theme script in every community.
    text = re.sub(r'"search_index": "[a-z0-9-]+/search/search_index\.json"', '"search_index": "~"', text)
    return re.sub(r"\"(?:\.\.|\.|/)\"", '"~"', text)


def script_url(value: str) -> bool:
    """How a browser reads a URL's scheme: control characters and spaces ignored, any case."""
    return _INVISIBLE.sub("", value).lower().startswith(SCRIPT_SCHEMES)


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...]
    raw: str


class Tokens(HTMLParser):
    """Start tags, scripts, and the text of comments, declarations and style sheets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.scripts: list[tuple[str, str]] = []     # (src, content), depth-free
        self.texts: list[str] = []
        self._open: tuple[str, str] | None = None     # (tag, src) of an open script or style
        self._content: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = tuple((name, value or "") for name, value in attrs)
        self.elements.append(Element(tag, values, self.get_starttag_text() or ""))
        if tag in ("script", "style"):
            self._open, self._content = (tag, dict(values).get("src", "")), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, tuple((n, v or "") for n, v in attrs), self.get_starttag_text() or ""))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._content.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            content = "".join(self._content)
            if tag == "script":
                self.scripts.append((depth_free(self._open[1]), depth_free(content)))
            else:
                self.texts.append(content)
            self._open = None

    def handle_comment(self, data: str) -> None:
        self.texts.append(data)

    def handle_decl(self, decl: str) -> None:
        self.texts.append(decl)

    def handle_pi(self, data: str) -> None:
        self.texts.append(data)

    def unknown_decl(self, data: str) -> None:
        self.texts.append(data)


def tokens(text: str) -> Tokens:
    parser = Tokens()
    parser.feed(text)
    parser.close()
    return parser


@dataclass
class Allowed:
    """What the theme itself writes, learnt from a build of clean data."""

    scripts: set[tuple[str, str]] = field(default_factory=set)
    attributes: set[tuple[str, str, str]] = field(default_factory=set)   # handlers and script URLs
    shapes: set[tuple[str, frozenset[str]]] = field(default_factory=set)  # tag and attribute names

    def learn(self, text: str) -> None:
        found = tokens(text)
        self.scripts.update(found.scripts)
        for element in found.elements:
            self.shapes.add(shape(element))
            self.attributes.update((element.tag, name, depth_free(value)) for name, value in element.attrs
                                   if live(element.tag, name, value, element.attrs))


def shape(element: Element) -> tuple[str, frozenset[str]]:
    return element.tag, frozenset(name for name, _ in element.attrs)


def live(tag: str, name: str, value: str, attrs: tuple[tuple[str, str], ...]) -> bool:
    """An attribute that runs script or sends the reader elsewhere by itself."""
    if name.startswith("on") or name == "srcdoc":
        return True
    if name in URL_ATTRIBUTES and script_url(value):
        return True
    return tag == "meta" and name == "content" and dict(attrs).get("http-equiv", "").lower() == "refresh"


def scan(text: str, allowed: Allowed) -> list[str]:
    """Everything live in `text` that the theme does not write itself."""
    found = tokens(text)
    problems = [f"script {src or content[:60]!r}" for src, content in found.scripts
                if (src, content) not in allowed.scripts]
    for element in found.elements:
        if shape(element) not in allowed.shapes:
            problems.append(f"element of a shape the theme never writes: {element.raw[:80]!r}")
        problems += [f"<{element.tag} {name}={value[:60]!r}>" for name, value in element.attrs
                     if live(element.tag, name, value, element.attrs)
                     and (element.tag, name, depth_free(value)) not in allowed.attributes]
    problems += [f"comment, declaration or style from the data: {t[:80]!r}" for t in found.texts
                 if any(marker in t.lower() for marker in MARKERS)]
    raw = len(_RAW_SCRIPT.findall(text))
    if raw != len(found.scripts):
        problems.append(f"{raw} “<script” in the text but {len(found.scripts)} script elements")
    return problems
