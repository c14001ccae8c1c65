"""名词解释: the glossary page, and the first use of each term on every other
page linked to its entry there (generator/glossary)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from typing import Iterator

from jinja2 import Template

from generator import addresses
from generator.glossary import default_glossary, link_first_uses
from generator.site.context import Site
from generator.site.pages import Page
from generator.site.render import environment, relative

TITLE = "名词解释"


@lru_cache(maxsize=1)
def _template() -> Template:
    # Kept beside terms.yml; drawn with the site's environment (autoescape, macros).
    return environment().from_string(files("generator.glossary").joinpath("page.html").read_text(encoding="utf-8"))


def pages(site: Site) -> Iterator[Page]:
    here = addresses.glossary()
    body = _template().render(here=here, link=lambda path: relative(here, path), title=TITLE,
                              terms=default_glossary().terms)
    yield Page(here, TITLE, body, {"brand": "neutral"})


def link_body(body: str, here: str) -> str:
    """`body` of the page at address `here` with each term's first use linked
    (the glossary page itself is left as it is)."""
    if here == addresses.glossary():
        return body
    return link_first_uses(body, default_glossary(), relative(here, addresses.glossary()))


def linked(page: Page) -> Page:
    return replace(page, body_html=link_body(page.body_html, page.path))
