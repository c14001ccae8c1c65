"""名词解释: the plain-language glossary, kept as data in terms.yml.

    model.py  Term and Glossary: the terms, their spellings, one pattern for them all
    load.py   terms.yml -> Glossary, its shape checked (GlossaryError, in Chinese)
    link.py   a page body with the first use of each term linked to its entry

The website's glossary page (generator/site/builders/glossary.py), the
first-use links on every page and the posters' 名词解释 box all read
`default_glossary()`.
"""

from __future__ import annotations

from functools import lru_cache

from generator.glossary.link import link_first_uses
from generator.glossary.load import GlossaryError, load_glossary
from generator.glossary.model import PAGE_KINDS, Glossary, Term


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The repository's terms.yml, read once per process."""
    return load_glossary()


__all__ = ["PAGE_KINDS", "Glossary", "GlossaryError", "Term", "default_glossary", "link_first_uses",
           "load_glossary"]
