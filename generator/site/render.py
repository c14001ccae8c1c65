"""The Jinja2 environment every page body, feed and chart is drawn with.

Autoescape is on for every template, and nothing from YAML is ever marked
safe: a value from the data reaches HTML only through a template.
Links between generated pages are relative, so the site works under any
base URL and from a plain folder.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from generator.figures import pct
from generator.model.values import Amount

WEEKDAYS = "一二三四五六日"


def relative(from_path: str, to_path: str) -> str:
    """The link from the page at `from_path` (a directory address, "" for the
    root) to `to_path` (a page address ending in "/" or a file path).

    Addresses start with a community's folder name: one named like a URL scheme
    (“javascript:…”) would make a link that runs instead of a path, so a link whose
    first segment holds a colon starts with "./" and stays a path."""
    return _relative(from_path, to_path)


@lru_cache(maxsize=1 << 16)
def _relative(from_path: str, to_path: str) -> str:
    # posixpath.relpath on addresses, without its filesystem normalisation: a
    # city's pages ask for millions of links.
    base = [part for part in from_path.split("/") if part]
    target = [part for part in to_path.split("/") if part]
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    link = "/".join([".."] * (len(base) - common) + target[common:]) or "."
    if ":" in link.split("/", 1)[0]:
        link = "./" + link
    if to_path == "" or to_path.endswith("/"):
        return "./" if link == "." else link + "/"
    return link


def yuan(value: Decimal | None) -> str:
    """A sum in 元 with two decimals and thousands separators."""
    if value is None:
        return "—"
    return f"{value:,.2f} 元"


def amount(value: Amount | None) -> str:
    return "—" if value is None else str(value)


def day(value: date | None) -> str:
    return "—" if value is None else value.isoformat()


def long_day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日（星期{WEEKDAYS[value.weekday()]}）"


def template_cache(root: Path) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in <project>/.cache/templates, keyed by their source:
    compiling the theme's and gongshi's templates is most of a small update's time."""
    folder = root / ".cache" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("generator.site", "templates"), autoescape=True, auto_reload=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(yuan=yuan, amount=amount, day=day, long_day=long_day, pct=pct)
    return env


def render(template: str, here: str, **context: object) -> str:
    """Render `template` for the page at address `here`; `link(path)` gives relative links."""
    return environment().get_template(template).render(
        here=here, link=lambda path: relative(here, path), **context)
