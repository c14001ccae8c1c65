"""Project settings read from the root mkdocs.yml, without importing MkDocs:
the posters and the scaffold need `site_url` too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DEFAULT_SITE_URL = "https://gongshi.example.cn/"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring its `!!python/name:` and `!ENV` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def mkdocs_config(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - safe subclass
    return data if isinstance(data, dict) else {}


def site_url(root: Path) -> str:
    """`site_url` with a trailing slash: QR codes are site_url + permanent address."""
    url = str(mkdocs_config(root).get("site_url") or DEFAULT_SITE_URL)
    return url if url.endswith("/") else url + "/"
