"""What a resident's phone downloads: one community page with everything it
references on the site, and one search (the index the page's search fetches
plus the search worker). Text files are counted gzip-compressed (level 6, as
nginx or a CDN sends them); images and fonts that are already compressed are
counted as they are.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".ttf", ".otf"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)['\"]")


@dataclass
class Download:
    files: dict[str, int] = field(default_factory=dict)   # site path -> bytes sent
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    def as_json(self) -> dict:
        return {"bytes_gz": self.total, "files": len(self.files), "missing": self.missing,
                "largest": sorted(self.files.items(), key=lambda kv: -kv[1])[:5]}


def sent_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if path.suffix.lower() in TEXT else len(data)


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.config: str | None = None
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and a.get("href") and set(rel) & {"stylesheet", "icon", "preload", "manifest", "modulepreload"}:
            self.urls.append(a["href"])
        elif tag in ("script", "img", "source", "iframe", "video", "audio") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config = (self.config or "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False


def _resolve(site: Path, base_file: str, url: str) -> str | None:
    """The site path a URL in `base_file` (a site path) points at, None for another host or data: URI."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(base_file), path)
    joined = posixpath.normpath(joined)
    if (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined


def page_download(site: Path, page: str) -> tuple[Download, dict]:
    """`page` is a site path such as 'wangjiang-0000/index.html'; returns the download and the page's __config."""
    found = Download()
    parser = _References()
    parser.feed((site / page).read_text(encoding="utf-8"))
    found.files[page] = sent_bytes(site / page)
    queue = [(page, url) for url in parser.urls]
    while queue:
        origin, url = queue.pop()
        target = _resolve(site, origin, url)
        if target is None or target in found.files:
            continue
        if not (site / target).is_file():
            found.missing.append(target)
            continue
        found.files[target] = sent_bytes(site / target)
        if target.endswith(".css"):
            css = (site / target).read_text(encoding="utf-8", errors="replace")
            queue += [(target, u) for u in _CSS_URL.findall(css) + _IMPORT.findall(css)]
    return found, json.loads(parser.config) if parser.config else {}


def search_download(site: Path, page: str, config: dict) -> tuple[Download, str | None]:
    """The index the page's search fetches (`search_index` in __config, else the
    theme's search/search_index.json under `base`) and the search worker."""
    found = Download()
    base = config.get("base", ".")
    if "search_index" in config:   # relative to the page, else (as the theme joins it) to `base`
        candidates = [_resolve(site, page, config["search_index"]),
                      _resolve(site, page, posixpath.join(base, config["search_index"]))]
        index = next((c for c in candidates if c and (site / c).is_file()), candidates[0])
    else:
        index = _resolve(site, page, posixpath.join(base, "search/search_index.json"))
    for target in (index, _resolve(site, page, config["search"]) if config.get("search") else None):
        if target is None:
            continue
        if (site / target).is_file():
            found.files[target] = sent_bytes(site / target)
        else:
            found.missing.append(target)
    return found, index
