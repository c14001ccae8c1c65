"""Draw many posters: words and checks in this process, drawing on all cores,
and a cache keyed by content so an unchanged poster is copied, not redrawn.

The workers draw with the font cut down to the characters of the batch
(prepared.py); the files they write do not depend on that cut, so the cache
key names the original font.

The cache key is a hash of everything that changes the output bytes: the
poster's words (not where they came from), the resolved layout, the font
files, the official mark image, the preview resolution and the code of this
package. `cache_dir/manifest.json` maps keys to the stored PDF and PNG.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from importlib import metadata
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from generator.posters.brand import WORDS, official_mark
from generator.posters.content import Job, PosterContent
from generator.folders import COMMUNITIES_DIR
from generator.posters.errors import PosterError
from generator.posters.fonts import PosterFonts, find_fonts, located, poster_font_setting, project_fonts
from generator.posters.kinds import kind_content
from generator.posters.layout import DEFAULT_LAYOUT_DIR, NATIVE, layout_names, load_layout
from generator.posters.plan import ALL_KINDS, PosterSpec, contexts
from generator.spread import Progress
from generator.posters.prepared import prepare_fonts

PREVIEW_DPI = 150
DRAWING_LIBRARIES = ("fpdf2", "pillow", "qrcode", "fonttools")


def layout_dir_for(root: Path) -> Path:
    """The project's own theme/posters when it has one, else the one beside this package."""
    own = root / "theme" / "posters"
    return own if own.is_dir() else DEFAULT_LAYOUT_DIR


def jobs_for(validated, specs: list[PosterSpec], fonts: PosterFonts, layout_dir: Path) -> list[Job]:
    """The words of each poster, checked against the font before anything is drawn."""
    by_slug = {ctx.slug: ctx for ctx in contexts(validated, {s.community for s in specs})}
    jobs = []
    for spec in specs:
        kind = ALL_KINDS[spec.kind]
        ctx = by_slug[spec.community]
        mark = official_mark(ctx.community.folder)
        content = kind_content(kind, ctx, spec.key, spec.url, str(mark) if mark else None)
        layout = load_layout(kind.layout, str(layout_dir))
        fonts.check((text.value, located(text.source, f"{spec.title}的{where}")) for text, where in content.texts())
        fonts.check((_literal(layer.get("text", "")) + _literal(layer.get("words", "")), layout.source)
                    for layer in layout.layers)
        jobs.append(Job(layout=kind.layout, size=NATIVE if spec.is_sign else spec.size, content=content,
                        pdf_path=spec.path, png_path=spec.preview_path, community=spec.community))
    return jobs


def batch_characters(validated, jobs: list[Job], layout_dir: Path) -> str:
    """Every character the batch can draw: its posters, every other poster of the city
    (so one community's posters and the whole build share a prepared font), the layouts'
    fixed words and the brand words."""
    texts = [text.value for job in jobs for text, _ in job.content.texts()]
    for ctx in contexts(validated):
        for kind in ALL_KINDS.values():
            for entry in kind.entries(ctx, ()):
                fields, body, _, _ = kind.content(ctx, entry.key)
                texts += [text.value for text, _ in PosterContent(fields, body).texts()]
    for name in layout_names(layout_dir):
        texts += [_literal(layer.get("text", "")) + _literal(layer.get("words", ""))
                  for layer in load_layout(name, str(layout_dir)).layers]
    return "".join(sorted(set("".join(texts) + WORDS)))


def _literal(template: object) -> str:
    """The fixed words of a layout template, without its {fields}."""
    text, depth = [], 0
    for ch in str(template or ""):
        depth += ch == "{"
        if not depth:
            text.append(ch)
        depth -= ch == "}" and depth > 0
    return "".join(text)


def draw_job(job: Job, fonts: PosterFonts, layout_dir: str, dpi: float, out_dir: str, *,
             preview_alongside: bool = False) -> Job:
    """Draw one poster's PDF and PNG under `out_dir` (runs in a worker process).

    With `preview_alongside` the PNG is drawn by a forked child while this process
    writes the PDF: when a single poster changed, that is most of its time."""
    # Imported here: a run whose posters all come from the cache never loads fpdf, Pillow or qrcode.
    from generator.posters.compose import compose

    layout = load_layout(job.layout, layout_dir)
    pages = compose(layout, job.content, job.size, fonts)
    png = Path(out_dir) / job.png_path
    preview = _start_preview(pages, fonts, dpi, png) if preview_alongside else None

    from generator.posters.pdf import write_pdf

    issuer = job.content.fields.get("issuer") or job.content.fields.get("name")
    write_pdf(pages, fonts, Path(out_dir) / job.pdf_path, title=job.content.fields["title"].value,
              author=issuer.value if issuer else "", created=date.fromisoformat(job.content.date))
    if preview is not None:
        preview.join()
    if preview is None or preview.exitcode != 0:
        _write_preview(pages, fonts, dpi, png)       # here, so that a failure shows its own error
    return job


def _write_preview(pages: list, fonts: PosterFonts, dpi: float, path: Path) -> None:
    from generator.posters.png import write_png

    write_png(pages, fonts, dpi, path)


def _start_preview(pages: list, fonts: PosterFonts, dpi: float, path: Path) -> BaseProcess | None:
    """A forked child drawing the preview, or None where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    child = multiprocessing.get_context("fork").Process(target=_write_preview, args=(pages, fonts, dpi, path))
    child.start()
    return child


# ---------------------------------------------------------------- cache
@lru_cache(maxsize=1)
def code_version() -> str:
    """This package's source and the drawing libraries' versions (read from their
    installed metadata, so that checking the cache imports none of them)."""
    versions = "|".join(_installed(name) for name in DRAWING_LIBRARIES)
    digest = hashlib.sha256(versions.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _installed(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _without_sources(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, (list, tuple)):
        return [_without_sources(v) for v in value]
    return value


def cache_key(job: Job, fonts: PosterFonts, layout_dir: str, dpi: float) -> str:
    content: PosterContent = job.content
    words = _without_sources(asdict(content))
    if content.mark_image:
        words["mark_image"] = hashlib.sha256(Path(content.mark_image).read_bytes()).hexdigest()
    payload = json.dumps({"code": code_version(), "layout": load_layout(job.layout, layout_dir).digest,
                          "fonts": fonts.key, "dpi": dpi, "size": job.size, "content": words},
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def prepare_common_fonts(root: Path) -> None:
    """The project's poster fonts prepared, in its poster cache, for the common
    characters (prepared.py) and for every character its data files, its poster
    layouts and gongshi's poster labels hold, read as plain text: the font an
    edit's posters then find ready. Nothing when no poster font is found."""
    from generator.posters.prepared import COMMON_CHARACTERS

    try:
        fonts = project_fonts(root)
    except PosterError:
        return
    sources = [*(root / COMMUNITIES_DIR).glob("*/*.yml"), *layout_dir_for(root).glob("*.yml"),
               *Path(__file__).parent.glob("*.py")]
    characters = set(COMMON_CHARACTERS + WORDS)
    for source in sources:
        try:
            characters.update(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue          # validation reports it; the font is prepared for the rest
    prepare_fonts(fonts, "".join(sorted(characters)), Cache(root / ".cache" / "posters").fonts_folder)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: dict[str, dict[str, str]] = {}
        if (folder / "manifest.json").is_file():
            self.manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))

    @property
    def fonts_folder(self) -> Path:
        return self.folder / "fonts"

    def fetch(self, key: str, job: Job, out_dir: Path) -> bool:
        entry = self.manifest.get(key)
        if entry is None:
            return False
        stored = [self.folder / entry["pdf"], self.folder / entry["png"]]
        if not all(p.is_file() for p in stored):
            return False
        for source, target in zip(stored, (job.pdf_path, job.png_path)):
            (out_dir / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out_dir / target)
        return True

    def store(self, key: str, job: Job, out_dir: Path) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        entry = {"pdf": f"{key}.pdf", "png": f"{key}.png"}
        shutil.copyfile(out_dir / job.pdf_path, self.folder / entry["pdf"])
        shutil.copyfile(out_dir / job.png_path, self.folder / entry["png"])
        self.manifest[key] = entry

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / "manifest.json.tmp"
        temporary.write_text(json.dumps(self.manifest, indent=1, sort_keys=True), encoding="utf-8")
        temporary.replace(self.folder / "manifest.json")


# ---------------------------------------------------------------- entry point
def render_posters(validated, specs: list[PosterSpec], out_dir: Path, progress: Progress | None = None, *,
                   cache_dir: Path | None = None, fonts: PosterFonts | None = None, layout_dir: Path | None = None,
                   dpi: float = PREVIEW_DPI, workers: int | None = None) -> list[Path]:
    """Write each spec's PDF and PNG preview under `out_dir`; returns the paths written.

    `cache_dir` defaults to <project>/.cache/posters; pass a folder to share it
    between builds. Raises PosterError (Chinese message) for a missing glyph,
    a layout mistake or text that cannot be placed."""
    root = Path(validated.city.root)
    cache = Cache(cache_dir if cache_dir is not None else root / ".cache" / "posters")
    fonts = fonts or find_fonts(poster_font_setting(root), cache.folder)
    folder = str(layout_dir or layout_dir_for(root))
    out_dir = Path(out_dir)
    jobs = jobs_for(validated, specs, fonts, Path(folder))
    total, done = len(jobs), 0
    drawing_fonts: PosterFonts | None = None
    pending: list[tuple[str, Job]] = []
    for job in jobs:
        key = cache_key(job, fonts, folder, dpi)
        if cache.fetch(key, job, out_dir):
            done += 1
            if progress:
                progress(done, total)
        else:
            pending.append((key, job))
    if pending:
        drawing_fonts = prepare_fonts(fonts, batch_characters(validated, [j for _, j in pending], Path(folder)),
                                      cache.fonts_folder)
    workers = workers or min(len(pending), os.cpu_count() or 1)
    if workers <= 1:
        alongside = (os.cpu_count() or 1) > 1
        for key, job in pending:
            draw_job(job, drawing_fonts, folder, dpi, str(out_dir), preview_alongside=alongside)
            cache.store(key, job, out_dir)
            done += 1
            if progress:
                progress(done, total)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(draw_job, job, drawing_fonts, folder, dpi, str(out_dir)): (key, job)
                       for key, job in pending}
            for future in as_completed(futures):
                future.result()
                key, job = futures[future]
                cache.store(key, job, out_dir)
                done += 1
                if progress:
                    progress(done, total)
    cache.save()
    return [out_dir / p for job in jobs for p in (job.pdf_path, job.png_path)]
