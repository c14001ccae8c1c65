"""Poster layouts as data: theme/posters/<name>.yml (see theme/posters/README.md).

A layout names its design size in millimetres, the paper sizes it prints at
(scaled from the design), its colours as CMYK, and a list of layers drawn in
order. `extends: _poster.yml` takes another file as the base: its keys are
overridden and its layers are changed by name (a layer with the same `name`
is updated field by field; `remove: true` drops it; new names are added).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.posters.display import Cmyk
from generator.posters.errors import PosterError

PAPER = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
NATIVE = "native"
MIN_QR_MM = 30.0
MIN_BODY_PT_A4 = 14.0
DEFAULT_LAYOUT_DIR = Path(__file__).resolve().parents[2] / "theme" / "posters"

_COMMON = {"type", "name", "box", "pages", "when", "remove"}
LAYER_KEYS: dict[str, set[str]] = {
    "rect": {"fill"},
    "mark": {"arrangement", "words"},
    "text": {"text", "size", "min_size", "font", "colour", "align", "valign", "line_height", "max_lines"},
    "body": {"size", "line_height", "colour", "heading", "note", "table", "figures", "gap", "items", "terms"},
    "qr": {"size", "level", "caption_size", "caption_colour", "align", "colour"},
}


class LayoutError(PosterError):
    """A layout file a designer has to fix; the message names the file and the layer."""


@dataclass(frozen=True)
class Layout:
    name: str
    source: str                                   # theme/posters/<name>.yml, for messages
    width: float                                  # design size, mm
    height: float
    sizes: tuple[str, ...]                        # "A4", "A3" or "native"
    palettes: dict[str, dict[str, Cmyk]]          # by brand: "xingfuli", "plain"
    layers: tuple[dict[str, Any], ...]
    tables: dict[str, tuple[float, ...]]
    digest: str                                   # of the resolved layout, for the cache

    def paper(self, size: str) -> tuple[float, float]:
        return (self.width, self.height) if size == NATIVE else PAPER[size]

    def scale(self, size: str) -> float:
        return self.paper(size)[0] / self.width

    def size_label(self, size: str) -> str:
        return f"{self.width:g}x{self.height:g}" if size == NATIVE else size

    def palette(self, brand: str) -> dict[str, Cmyk]:
        return self.palettes["xingfuli" if brand == "xingfuli" else "plain"]

    def colour(self, value: Any, brand: str) -> Cmyk:
        if isinstance(value, str):
            palette = self.palette(brand)
            if value not in palette:
                raise LayoutError(f"{self.source}：颜色名“{value}”不在 palettes 中（可用：{'、'.join(palette)}）")
            return palette[value]
        return Cmyk.parse(value)


def layout_names(folder: Path = DEFAULT_LAYOUT_DIR) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yml") if not p.name.startswith("_"))


# libyaml when present: the layouts are read on every run, and the pure-Python parser takes ~0.1 s a layout.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_layout(name: str, folder: str = str(DEFAULT_LAYOUT_DIR)) -> Layout:
    """The layout `name` of `folder`. Parsed once per process while the folder's files
    are unchanged, and once for two folders with the same files (a project's own
    theme/posters is usually a copy of the default one)."""
    return _load_layout(name, _files(folder, _stamps(folder)))


def _stamps(folder: str) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every layout file: a layout may extend any of them."""
    found = []
    for path in Path(folder).glob("*.yml"):
        stat = path.stat()
        found.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


@lru_cache(maxsize=16)
def _files(folder: str, stamps: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, str], ...]:
    """(file name, text) of each layout file of `folder`, as of `stamps`."""
    return tuple((filename, (Path(folder) / filename).read_text(encoding="utf-8")) for filename, _, _ in stamps)


@lru_cache(maxsize=64)
def _load_layout(name: str, files: tuple[tuple[str, str], ...]) -> Layout:
    raw = _resolve(dict(files), f"{name}.yml", ())
    source = f"theme/posters/{name}.yml"
    try:
        design = raw["design"]
        width, height = float(design["width"]), float(design["height"])
        sizes = tuple(raw.get("sizes") or ("A4", "A3"))
        palettes = {brand: {key: Cmyk.parse(v) for key, v in colours.items()}
                    for brand, colours in raw["palettes"].items()}
        tables = {key: tuple(float(w) for w in weights) for key, weights in (raw.get("tables") or {}).items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise LayoutError(f"{source}：design、sizes、palettes 或 tables 写法有误（{exc}）") from None
    for brand in ("xingfuli", "plain"):
        if brand not in palettes:
            raise LayoutError(f"{source}：palettes 中缺少“{brand}”")
    layers = tuple(layer for layer in raw.get("layers") or () if not layer.get("remove"))
    digest = hashlib.sha256(yaml.dump(raw, Dumper=_Dumper, allow_unicode=True, sort_keys=True).encode()).hexdigest()
    layout = Layout(name, source, width, height, sizes, palettes, layers, tables, digest)
    _check(layout)
    return layout


def _resolve(files: dict[str, str], filename: str, seen: tuple[str, ...]) -> dict[str, Any]:
    if filename in seen:
        raise LayoutError(f"theme/posters/{filename}：extends 循环引用（{' → '.join(seen + (filename,))}）")
    if filename not in files:
        raise LayoutError(f"找不到海报版式文件 theme/posters/{filename}")
    data = yaml.load(files[filename], Loader=_Loader) or {}
    if not isinstance(data, dict):
        raise LayoutError(f"theme/posters/{filename}：版式文件应为键值对")
    parent_name = data.pop("extends", None)
    if not parent_name:
        return data
    parent = _resolve(files, str(parent_name), seen + (filename,))
    return _merge(parent, data)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        if key == "layers":
            merged["layers"] = _merge_layers(parent.get("layers") or [], value or [])
        elif isinstance(value, dict) and isinstance(parent.get(key), dict):
            merged[key] = _merge(parent[key], value)
        else:
            merged[key] = value
    return merged


def _merge_layers(parent: list[dict[str, Any]], child: list[dict[str, Any]]) -> list[dict[str, Any]]:
    layers = [dict(layer) for layer in parent]
    by_name = {layer.get("name"): i for i, layer in enumerate(layers) if layer.get("name")}
    for layer in child:
        name = layer.get("name")
        if name in by_name:
            layers[by_name[name]] = _merge(layers[by_name[name]], layer)
        else:
            layers.append(dict(layer))
    return layers


def _check(layout: Layout) -> None:
    for number, layer in enumerate(layout.layers, 1):
        label = f"{layout.source} 第 {number} 层（{layer.get('name') or layer.get('type')}）"
        kind = layer.get("type")
        if kind not in LAYER_KEYS:
            raise LayoutError(f"{label}：type 应为 {'、'.join(LAYER_KEYS)} 之一，而不是“{kind}”")
        unknown = set(layer) - _COMMON - LAYER_KEYS[kind]
        if unknown:
            raise LayoutError(f"{label}：不认识的键 {'、'.join(sorted(unknown))}（可用：{'、'.join(sorted(LAYER_KEYS[kind]))}）")
        box = layer.get("box")
        if not (isinstance(box, list) and len(box) in (2, 4) and all(isinstance(v, (int, float)) for v in box)):
            raise LayoutError(f"{label}：box 应为 [x, y, 宽, 高]（毫米），qr 层可写 [x, y]")
        for size in layout.sizes:
            scale = layout.scale(size)
            if kind == "qr" and float(layer.get("size", 0)) * scale < MIN_QR_MM:
                raise LayoutError(f"{label}：二维码印在 {layout.size_label(size)} 上只有 "
                                  f"{float(layer.get('size', 0)) * scale:.1f} mm 宽，至少应为 {MIN_QR_MM:g} mm")
            if kind == "body" and size == "A4" and float(layer.get("size", 0)) * scale < MIN_BODY_PT_A4:
                raise LayoutError(f"{label}：A4 海报正文字号至少 {MIN_BODY_PT_A4:g} pt（公示栏约一米外阅读）")
    for size in layout.sizes:
        if size != NATIVE:
            if size not in PAPER:
                raise LayoutError(f"{layout.source}：sizes 只能是 A4、A3 或 native，而不是“{size}”")
            paper_w, paper_h = PAPER[size]
            if abs(paper_h / paper_w - layout.height / layout.width) > 0.01:
                raise LayoutError(f"{layout.source}：设计尺寸 {layout.width:g}×{layout.height:g} mm 与 {size} 比例不同，"
                                  f"无法按比例缩放")
