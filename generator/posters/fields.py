"""The words every poster of a community shares: who issues it, how to reach
them, the 公示期, dates written the Chinese way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.figures import Figures
from generator.model.community import City, Community
from generator.model.values import ObjectionChannel, Window
from generator.model.windows import window_status
from generator.posters.content import Paragraph, Text, t
from generator.rules.registry import Assessment

NO_WINDOW = "—"
ISSUER_SUFFIX = {"社区": "居民委员会", "村": "村民委员会", "小区": "业主委员会"}


@dataclass(frozen=True)
class PosterContext:
    """What the content builders read for one community."""

    community: Community
    city: City
    as_of: date
    figures: Figures
    assessments: tuple[Assessment, ...]

    @property
    def slug(self) -> str:
        return self.community.slug

    @property
    def name(self) -> str:
        return self.community.name

    def loc(self, filename: str, *path: object):
        return self.community.loc(filename, *path)


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def window_text(window: Window | None, as_of: date) -> str:
    """The window with its status as of the build's reference date, as pages print it."""
    if window is None:
        return NO_WINDOW
    status = window_status(window, as_of)
    return f"{cn_date(window.start)} 至 {cn_date(window.end)}（{status.label}，{status.as_of_note}）"


def issuer(ctx: PosterContext) -> Text:
    profile = ctx.community.profile
    kind = profile.kind if profile else "社区"
    return t(f"{ctx.name}{ISSUER_SUFFIX.get(kind, '居民委员会')}", ctx.loc("community.yml", "name"))


def region(ctx: PosterContext) -> Text:
    profile = ctx.community.profile
    if profile is None:
        return t("")
    r = profile.region
    return t(f"{r.province}{r.city}{r.district}{r.street}", ctx.loc("community.yml", "region"))


def contact(ctx: PosterContext) -> Text:
    profile = ctx.community.profile
    if profile is None or not profile.contact.publishable:
        return t(f"联系：{ctx.name}")
    c = profile.contact
    lines = [f"联系：{c.role}"]
    if c.phone:
        lines[0] += f"　电话：{c.phone}"
    if c.address:
        lines.append(f"地址：{c.address}")
    if c.hours:
        lines.append(f"办公时间：{c.hours}")
    return t("\n".join(lines), ctx.loc("community.yml", "contact"))


def plain_mark(ctx: PosterContext) -> Text:
    """The wordmark drawn where a xingfuli poster has the brand mark."""
    return t("人人社区" if "renren" in ctx.community.profiles else ctx.name)


def brand_of(ctx: PosterContext) -> str:
    return "xingfuli" if "xingfuli" in ctx.community.profiles else "plain"


def common_fields(ctx: PosterContext, title: Text, window: Window | None, date_label: str,
                  day: date) -> dict[str, Text]:
    return {
        "title": title,
        "issuer": issuer(ctx),
        "community": t(ctx.name, ctx.loc("community.yml", "name")),
        "region": region(ctx),
        "window": t(window_text(window, ctx.as_of)),
        "date_label": t(date_label),
        "date": t(cn_date(day)),
        "contact": contact(ctx),
        "plain_mark": plain_mark(ctx),
    }


def objection_paragraph(ctx: PosterContext, channel: ObjectionChannel | None, window: Window | None,
                        source: str, path: tuple[object, ...]) -> Paragraph | None:
    """How to raise a doubt during the 公示期: the record's own channel, else the community's default."""
    profile = ctx.community.profile
    where = ctx.loc(source, *path, "objection_channel")
    if channel is None and profile is not None:
        channel = profile.objection_channel
        where = ctx.loc("community.yml", "objection_channel")
    if channel is None:
        return None
    until = channel.until or (window.end if window else None)
    parts = [f"如有疑问，请{'于 ' + cn_date(until) + ' 前' if until else ''}向{channel.receiver}反映"]
    how = [p for p in (channel.place, f"电话 {channel.phone}" if channel.phone else None) if p]
    if how:
        parts.append(f"（{'，'.join(how)}）")
    parts.append(f"，收到后 {channel.reply_days} 日内答复。")
    return Paragraph(t("".join(parts), where))
