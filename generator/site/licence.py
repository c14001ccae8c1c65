"""The open data's licence: chosen in mkdocs.yml (`extra.gongshi_licence`, an
SPDX id), shown in the footer, in every data package and every JSON file."""

from __future__ import annotations

from typing import Any

DEFAULT = "CC-BY-4.0"
# SPDX id -> (Chinese title, licence text). An id not listed here is published
# by name only: staff may name any licence, the site does not judge it.
KNOWN: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("知识共享署名 4.0 国际许可协议", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("知识共享 CC0 1.0 公共领域贡献", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-BY-1.0": ("开放数据共享署名许可 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "PDDL-1.0": ("开放数据共享公共领域贡献与许可 1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
}


def licence(spdx_id: str) -> dict[str, Any]:
    """The licence as a Data Package `licenses` entry."""
    title, path = KNOWN.get(spdx_id, (spdx_id, ""))
    return {"name": spdx_id, "title": title, **({"path": path} if path else {})}
