"""Pages at a renamed community's old addresses (community.yml `old_slugs`), each
sending the reader to the same page under the new name: a QR code printed with
the old name keeps working. Plain HTML, no script: a refresh and a link."""

from __future__ import annotations

import html

from generator.model.community import SLUG, Community

TEMPLATE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<title>{name}：网址已更改</title>
</head>
<body style="font-size:20px;line-height:1.6;margin:1em;">
<p>{name}的网址已更改，这一页现在在：</p>
<p><a href="{target}" style="display:inline-block;min-height:44px;padding:8px 0;">{label}</a></p>
</body>
</html>
"""


def old_addresses(community: Community, path: str) -> list[str]:
    """Where the page at `path` (under the community's folder) was before each renaming;
    old names that cannot have been addresses are left out (rules/integrity.py warns)."""
    rest = path[len(community.slug):]
    return [old + rest for old in community.profile.old_slugs if SLUG.match(old)] if community.profile else []


def redirect_page(community: Community, old: str, new: str) -> bytes:
    """The page at the old address `old`, pointing to `new` (both site-relative page addresses)."""
    target = "../" * old.count("/") + new
    return TEMPLATE.format(target=html.escape(target), name=html.escape(community.name),
                           label=html.escape("/" + new)).encode("utf-8")
