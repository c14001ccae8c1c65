"""mkdocs-material's JavaScript bundle names two CDN scripts it loads on demand:
a ResizeObserver polyfill (old WebViews) and Mermaid (pages with diagrams).
The site serves the polyfill itself and draws no Mermaid diagrams
(decisions 8), so both URLs are rewritten to point at no outside host.
The bundle also always fetches the site-wide search index: it is taught to
fetch the one a page names instead (a community's own, issue 6)."""

from __future__ import annotations

import re

BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
POLYFILL = "assets/vendor/resize-observer-polyfill/ResizeObserver.global.js"

REWRITES = {
    '"https://unpkg.com/resize-observer-polyfill"': f'new URL("{POLYFILL}",__md_scope).href',
    # Loaded only for `.mermaid` blocks, which the site never writes: an empty script.
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': '"data:text/javascript,"',
    # A community's pages name their own search index in __config (generator/site/search.py).
    'new URL("search/search_index.json",Or.base)': 'new URL(Or.search_index||"search/search_index.json",Or.base)',
}


def is_bundle(src_uri: str) -> bool:
    return bool(BUNDLE.match(src_uri))


def patch_bundle(script: str) -> str:
    for old, new in REWRITES.items():
        if old not in script:
            raise ValueError(f"mkdocs-material 的脚本里找不到要改写的内容：{old}（主题版本变了？）")
        script = script.replace(old, new)
    return script
