"""The brand signs of Wenzhou annex A (A.1–A.4), and their plain equivalents
for communities that do not follow the xingfuli profile (renren).

A sign carries the mark, the community's name and a QR code to its home page;
it has no 公示期 and no date. Sizes are the layout files' (theme/posters/sign-*.yml).
"""

from __future__ import annotations

from generator import addresses
from generator.posters.content import t
from generator.posters.fields import PosterContext, brand_of, plain_mark, region
from generator.posters.kinds import Built, Entry, Kind

STYLES = {
    "sign-a1": ("A.1", "大门面"),
    "sign-a2": ("A.2", "小门面"),
    "sign-a3": ("A.3", "含小区名称"),
    "sign-a4": ("A.4", "宣传栏长条"),
}


def _title(ctx: PosterContext, style: str) -> str:
    figure, use = STYLES[style]
    if brand_of(ctx) == "xingfuli":
        return f"{ctx.name}“共享社·幸福里”标牌（{figure} {use}）"
    return f"{ctx.name}标牌（{use}）"


def _entries(style: str):
    def entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
        return [Entry("", _title(ctx, style), addresses.community(ctx.slug))]
    return entries


def _content(style: str):
    def content(ctx: PosterContext, key: str) -> Built:
        profile = ctx.community.profile
        parent = ctx.city.communities.get(profile.parent) if profile and profile.parent else None
        where = region(ctx)
        parent_line = f"{parent.name} · {where.value}" if parent else where.value
        fields = {
            "title": t(_title(ctx, style)),
            "name": t(ctx.name, ctx.loc("community.yml", "name")),
            "region": where,
            "parent_line": t(parent_line, where.source),
            "plain_mark": plain_mark(ctx),
        }
        return fields, (), brand_of(ctx), ctx.as_of
    return content


SIGN_KINDS: dict[str, Kind] = {style: Kind(style, style, _entries(style), _content(style)) for style in STYLES}
