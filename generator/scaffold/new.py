"""Write a new community folder from templates; the only command that writes
into communities/ (decisions 10)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.model import catalogue as cat
from generator.model.community import COMMUNITIES_DIR, SLUG
from generator.model.records import FILE_MODELS
from generator.scaffold import starter


class ScaffoldError(Exception):
    """A reason, in Chinese, why the community could not be created."""


def _scenes(profile: str, kind: str) -> tuple[str, ...]:
    if profile == "renren":
        return cat.RENREN_FACILITIES + cat.RENREN_EXTRA
    return cat.ESTATE_SCENES if kind == "小区" else cat.COMMUNITY_SCENES


def _pledge_kind(profile: str, kind: str) -> str:
    if profile == "renren":
        return "人人社区公约"
    return "业主公约" if kind == "小区" else ("村规民约" if kind == "村" else "居民公约")


def new_community(root: Path, slug: str, profile: str, kind: str, old_estate: bool = False,
                  parent: str | None = None, schema_base: str = "") -> list[Path]:
    if not SLUG.match(slug):
        raise ScaffoldError(f"文件夹名“{slug}”不合适：只用小写字母、数字和“-”，2–40 个字符，如 wangjiang")
    folder = root / COMMUNITIES_DIR / slug
    if folder.exists():
        raise ScaffoldError(f"{COMMUNITIES_DIR}/{slug} 已经存在，不会覆盖")
    if parent and not (root / COMMUNITIES_DIR / parent).is_dir():
        raise ScaffoldError(f"所属社区“{parent}”不存在：{COMMUNITIES_DIR}/{parent} 没有这个文件夹")
    if old_estate and kind != "小区":
        raise ScaffoldError("--old-estate 只适用于小区")
    procedure = cat.PROCEDURE_FOR_KIND[kind]
    pledge_kind = _pledge_kind(profile, kind)
    values = {
        "kind": kind, "profile": profile, "old_estate": old_estate, "parent": parent,
        "schema_base": schema_base, "scenes": _scenes(profile, kind), "procedure": procedure,
        "steps": cat.PROCEDURES[procedure], "pledge_kind": pledge_kind,
        "pledge_clauses": starter.PLEDGE_CLAUSES.get(pledge_kind, starter.PLEDGE_CLAUSES["居民公约"]),
        "renren": SimpleNamespace(responsibilities=starter.RESPONSIBILITIES, positive=starter.POSITIVE,
                                  negative=starter.NEGATIVE, points=starter.POINTS,
                                  exchange=starter.EXCHANGE) if profile == "renren" else None,
    }
    env = Environment(loader=PackageLoader("generator.scaffold", "templates"), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    folder.mkdir(parents=True)
    written = []
    for filename in FILE_MODELS:
        path = folder / filename
        path.write_text(env.get_template(f"{filename}.j2").render(values), encoding="utf-8")
        written.append(path)
    return written
