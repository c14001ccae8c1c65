"""On every page of the example site, the first use of each glossary term links
to its entry on the glossary page and later uses do not; the glossary page
lists every term at its permanent anchor.

The pages are read back with html.parser, independently of the linker's regular
expressions: text inside links, headings, labels, scripts, styles, SVG and code
is not linkable, nor a term that is all of its element's text; everything else is."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from generator import addresses
from generator.glossary import PAGE_KINDS, default_glossary
from generator.glossary.link import CLASS, SKIPPED
from generator.site.pages import Page

GLOSSARY = default_glossary()
TERMS = {term.id: term for term in GLOSSARY.terms}


@dataclass
class Use:
    term: str             # id
    linked: bool
    href: str = ""


@dataclass
class Reading(HTMLParser):
    """The page's term uses in document order, and the links it holds."""

    uses: list[Use] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # open elements where no link may be
    term_link: dict[str, str] | None = None               # the glossary link being read, if any

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("class") == CLASS:
            assert not self.skipped, f"a term link inside <{self.skipped[-1]}>"
            self.term_link = {"href": attributes.get("href") or "", "text": ""}
        elif tag in SKIPPED:
            self.skipped.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.term_link is not None:
            link, self.term_link = self.term_link, None
            term = GLOSSARY.by_name.get(link["text"])
            assert term is not None, f"a term link around “{link['text']}”, which is no term's spelling"
            self.uses.append(Use(term.id, True, link["href"]))
        elif self.skipped and self.skipped[-1] == tag:
            self.skipped.pop()

    def handle_data(self, data: str) -> None:
        if self.term_link is not None:
            self.term_link["text"] += data
        elif not self.skipped and data.strip() not in GLOSSARY.by_name:    # a term alone is a label, not text
            self.uses += [Use(GLOSSARY.by_name[m.group()].id, False) for m in GLOSSARY.pattern.finditer(data)]


def read(page: Page) -> list[Use]:
    reading = Reading()
    reading.feed(page.body_html)
    reading.close()
    return reading.uses


@pytest.fixture(scope="module")
def uses(example_pages: dict[str, Page]) -> dict[str, list[Use]]:
    """Every page's term uses, read once (the glossary page's own are left out)."""
    return {path: read(page) for path, page in example_pages.items() if path != addresses.glossary()}


def kind_of(path: str) -> str:
    """The page kind (generator/glossary PAGE_KINDS) of an address."""
    parts = path.strip("/").split("/")
    if path == "" or parts[0] == "area":
        return "portal"
    if parts[0] in ("guide", "glossary"):
        return parts[0]
    if len(parts) == 1:
        return "community"
    if parts[1] == "funds":
        return "statement" if len(parts) > 2 else "funds"
    return parts[1]


def test_every_page_links_the_first_use_of_each_term_and_no_later_one(uses: dict[str, list[Use]]) -> None:
    problems = []
    for path, page_uses in uses.items():
        first: dict[str, Use] = {}
        for use in page_uses:
            if use.term not in first:
                first[use.term] = use
                if not use.linked:
                    problems.append(f"/{path}: the first use of “{TERMS[use.term].term}” is not linked")
                elif posixpath.normpath(posixpath.join(path, use.href)) != f"glossary/#{use.term}":
                    problems.append(f"/{path}: “{TERMS[use.term].term}” links to {use.href}")
            elif use.linked:
                problems.append(f"/{path}: “{TERMS[use.term].term}” is linked again after its first use")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("term", GLOSSARY.terms, ids=[t.id for t in GLOSSARY.terms])
def test_each_term_appears_where_the_glossary_says(example_pages: dict[str, Page], uses: dict[str, list[Use]],
                                                   term) -> None:
    """`where` in terms.yml is what the glossary page tells residents: every kind listed
    has a page that uses the term, and where the term is linkable there it is linked."""
    pattern = re.compile("|".join(map(re.escape, term.names)))
    for kind in term.where:
        pages = [p for path, p in example_pages.items() if kind_of(path) == kind
                 and pattern.search(html.unescape(p.body_html))]
        assert pages, f"“{term.term}”: no {PAGE_KINDS[kind]} page ({kind}) uses it"
    pages = {path: p for path, p in example_pages.items() if path != addresses.glossary()}
    linked = [path for path, p in pages.items() if f'#{term.id}"' in p.body_html]
    linkable = [path for path, page_uses in uses.items() if any(u.term == term.id for u in page_uses)]
    assert sorted(linked) == sorted(linkable)


def test_the_glossary_page_lists_every_term_at_its_anchor(example_pages: dict[str, Page]) -> None:
    page = example_pages[addresses.glossary()]
    assert page.title == "名词解释"
    assert f'class="{CLASS}"' not in page.body_html, "the glossary page links no terms to itself"
    body = html.unescape(page.body_html)
    for term in GLOSSARY.terms:
        assert f'<h2 id="{term.id}">{term.term}</h2>' in body
        assert f'<a href="#{term.id}">{term.term}</a>' in body
        section = body[body.index(f'<h2 id="{term.id}">'):]
        section = section[:section.find("</section>")]
        for text in (term.explanation, *term.source, *term.where_names, *term.aliases):
            assert text in section, (term.id, text)


def test_glossary_anchors_are_ascii_and_unique() -> None:
    ids = [term.id for term in GLOSSARY.terms]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
