"""Which posters exist: one PosterSpec per poster, paper size and community.

Cheap (nothing is drawn): the website lists these on each community's 海报下载
page, and render.py draws them. The QR code of every poster holds `url`,
site_url plus the permanent address from generator/addresses.py, so paper
and web can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from generator import addresses
from generator.posters.fields import PosterContext
from generator.posters.kinds import KINDS, Kind
from generator.posters.layout import DEFAULT_LAYOUT_DIR, NATIVE, load_layout
from generator.posters.signs import SIGN_KINDS

ALL_KINDS: dict[str, Kind] = {**KINDS, **SIGN_KINDS}
SIZES = ("A4", "A3")


@dataclass(frozen=True)
class PosterSpec:
    community: str          # slug
    kind: str               # "funds", "items", "calendar", "pledge", "scenes", "assessment", "sign-a1" … "sign-a4"
    key: str                # the record: statement id, year, YYYY-MM, pledge id; "" for one-per-community kinds
    size: str               # "A4", "A3", or a sign's own size such as "1200x400" (millimetres)
    title: str
    page_path: str          # the permanent address the QR code points to
    url: str                # site_url + page_path
    path: str               # site-relative PDF
    preview_path: str       # site-relative PNG

    @property
    def is_sign(self) -> bool:
        return self.kind in SIGN_KINDS


def contexts(validated, only: Iterable[str] | None = None) -> list[PosterContext]:
    """One context per published community that loaded (drafts get no posters)."""
    wanted = set(only) if only is not None else None
    found = []
    for community in validated.city.published():
        if not community.loaded or (wanted is not None and community.slug not in wanted):
            continue
        found.append(PosterContext(community, validated.city, validated.as_of, validated.figures.get(community.slug),
                                   tuple(validated.assessments.get(community.slug, ()))))
    return sorted(found, key=lambda c: c.slug)


def _layout_sizes(layout: str, folder: str) -> tuple[tuple[str, ...], str]:
    loaded = load_layout(layout, folder)
    return loaded.sizes, loaded.size_label(NATIVE)


def poster_plan(validated, site_url: str, sizes: Iterable[str] = ("A4",), only: list[str] | None = None, *,
                kinds: Iterable[str] | None = None, months: Iterable[str] = (),
                layout_dir: Path = DEFAULT_LAYOUT_DIR) -> list[PosterSpec]:
    """Every poster of the published communities (or those in `only`), at each of `sizes`.

    `kinds` limits the poster kinds; `months` (YYYY-MM) chooses the calendar months,
    by default the month of the reference date. Signs are printed at their own size."""
    sizes = tuple(sizes)
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        raise ValueError(f"海报纸张只能是 A4 或 A3，而不是 {'、'.join(unknown)}")
    chosen = [ALL_KINDS[k] for k in (kinds if kinds is not None else ALL_KINDS)]
    specs: list[PosterSpec] = []
    for ctx in contexts(validated, only):
        for kind in chosen:
            layout_sizes, native_label = _layout_sizes(kind.layout, str(layout_dir))
            printed = [native_label] if NATIVE in layout_sizes else [s for s in sizes if s in layout_sizes]
            for entry in kind.entries(ctx, tuple(months)):
                for size in printed:
                    specs.append(PosterSpec(
                        community=ctx.slug, kind=kind.name, key=entry.key, size=size, title=entry.title,
                        page_path=entry.page_path, url=addresses.url(site_url, entry.page_path),
                        path=addresses.poster_file(ctx.slug, kind.name, entry.key, size, "pdf"),
                        preview_path=addresses.poster_file(ctx.slug, kind.name, entry.key, size, "png")))
    return specs
