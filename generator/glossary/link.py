"""First use: the first time a page's text uses a glossary term (or one of its
other spellings), the words become a link to the term's entry.

Runs on every page of a city (tens of thousands), so it works on the finished
body HTML with two compiled patterns and no parser: the terms' alternation
finds candidates, and a candidate counts only in text outside any tag and
outside the elements where a link is wrong or useless (links, headings,
scripts, styles, SVG, form controls, code). The body comes from templates
with autoescape on, so an attribute value never holds a raw `>` (it is
written `&gt;`) and a tag ends at its first `>`.
"""

from __future__ import annotations

import re
from html import escape

from generator.glossary.model import Glossary

# Labels (dt, th, caption) too: a term alone in a label would be a link standing on
# its own, a tap target below 44 px (issue 13); its first use in running text is linked.
SKIPPED = ("a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg", "button", "label", "select",
           "textarea", "code", "pre", "summary", "title", "dt", "th", "caption")
# A comment, a whole skipped element (nested ones end at their own closing tag,
# which lies inside the outer one), or any other single tag.
# A whole skipped element: nested ones end at their own closing tag, inside the outer one.
SKIPPED_ELEMENT = re.compile(rf"<({'|'.join(SKIPPED)})(?=[\s/>])[^>]*>.*?</\1\s*>", re.S)
CLASS = "gs-term"


def link_first_uses(body: str, glossary: Glossary, to_glossary: str) -> str:
    """`body` with the first use of each term linked to `to_glossary#<id>`
    (`to_glossary`: the relative link from this page to the glossary page)."""
    find = glossary.pattern.search
    match = find(body)
    if match is None:
        return body
    by_name = glossary.by_name
    linked: set[str] = set()
    pieces: list[str] = []
    done = 0
    skipped = SKIPPED_ELEMENT.search(body)
    while match is not None:
        start = match.start()
        while skipped is not None and skipped.end() <= start:
            skipped = SKIPPED_ELEMENT.search(body, skipped.end())
        if skipped is not None and skipped.start() <= start:
            match = find(body, skipped.end())          # past the whole link, heading, script …
            continue
        term = by_name[match.group()]
        if term.id not in linked and body.rfind("<", 0, start) <= body.rfind(">", 0, start) \
                and not _alone(body, start, match.end()):
            linked.add(term.id)
            pieces += [body[done:start], f'<a class="{CLASS}" href="{escape(to_glossary, quote=True)}#{term.id}">',
                       match.group(), "</a>"]
            done = match.end()
        match = find(body, match.end())
    pieces.append(body[done:])
    return "".join(pieces)


def _alone(body: str, start: int, end: int) -> bool:
    """The term is all the text between two tags (a table cell, a list item that
    is just the term): a link there stands on its own, a tap target below 44 px
    (issue 13), so the term's first use in running text is linked instead."""
    before = body.rfind(">", 0, start)
    after = body.find("<", end)
    return not body[before + 1:start].strip() and not body[end:after if after >= 0 else len(body)].strip()
