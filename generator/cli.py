"""Command line: parse arguments, call the pipeline, print, set the exit code.

Exit codes: 0 no error; 1 errors found (warnings too with --strict);
2 the command could not run.
"""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import signal
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click

from generator import cli_zh
from generator.findings import Finding, Severity, by_community
from generator.folders import COMMUNITIES_DIR

cli_zh.install()
# Material for MkDocs prints an English banner about MkDocs 2.0 on every build;
# staff cannot act on it (the builder choice is the maintainers').
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CliError(Exception):
    """A problem the user can fix; printed without a traceback, exit 2."""


def project_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COMMUNITIES_DIR).is_dir() or (folder / "mkdocs.yml").is_file():
            return folder
    return here


def slugs_for(paths: tuple[str, ...], root: Path) -> list[str] | None:
    if not paths:
        return None
    slugs: list[str] = []
    base = (root / COMMUNITIES_DIR).resolve()
    for raw in paths:
        path = Path(raw).resolve()
        if path == root or path == base:
            return None
        try:
            relative = path.relative_to(base)
        except ValueError:
            raise CliError(f"“{raw}”不在 {COMMUNITIES_DIR}/ 文件夹里") from None
        if not path.exists():
            raise CliError(f"找不到“{raw}”")
        slugs.append(relative.parts[0])
    return list(dict.fromkeys(slugs))


def parse_date(_ctx: Any, _param: Any, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"“{value}”不是日期，格式为 YYYY-MM-DD") from None


AS_OF = click.option("--as-of", callback=parse_date, metavar="YYYY-MM-DD",
                     help="状态计算的基准日期（默认取 SOURCE_DATE_EPOCH，否则为今天）。")


def guarded(func: Callable[..., int]) -> Callable[..., None]:
    """Run a command; a fixable problem or an internal bug exits 2 with a Chinese message."""

    def run(*args: Any, **kwargs: Any) -> None:
        try:
            code = func(*args, **kwargs)
        except CliError as exc:
            click.echo(f"gongshi: 错误：{exc}", err=True)
            code = 2
        except KeyboardInterrupt:
            click.echo("gongshi: 已中断，没有写出任何内容。", err=True)
            code = 2
        except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback for staff
            if os.environ.get("GONGSHI_DEBUG"):
                traceback.print_exc()
            click.echo(f"gongshi: 内部错误（{type(exc).__name__}: {exc}）。请把这条信息和数据文件发给技术支持；"
                       "设置环境变量 GONGSHI_DEBUG=1 可看到详细信息。", err=True)
            code = 2
        sys.exit(code)

    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


@click.group(context_settings=CONTEXT, help="gongshi（公示）：把社区公示数据检查后生成网站和海报。\n\n"
             "示例：gongshi validate 检查全部社区；gongshi build 生成网站到 site/。")
@click.version_option(package_name="gongshi", message="gongshi %(version)s")
def main() -> None:
    pass


def summarise(findings: list[Finding], names: dict[str, str]) -> list[str]:
    grouped = by_community(findings)
    lines = []
    for slug in sorted({slug for slug in grouped if slug} | set(names)):
        own = grouped.get(slug, [])
        counts = {s: sum(1 for f in own if f.severity is s) for s in Severity}
        lines.append(f"{names.get(slug, slug)}（{slug}）：错误 {counts[Severity.ERROR]}，"
                     f"警告 {counts[Severity.WARNING]}，提示 {counts[Severity.INFO]}")
    return lines


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式：text（逐行）或 json。")
@click.option("--strict", is_flag=True, help="有警告也以退出码 1 结束。")
@click.option("--show-info", is_flag=True, help="同时列出“提示”级别的信息。")
@click.option("--changed", metavar="REF", help="只检查自 git 提交 REF（如 origin/main）以来改动过的社区。")
@AS_OF
@guarded
def validate(paths: tuple[str, ...], fmt: str, strict: bool, show_info: bool, changed: str | None,
             as_of: date | None) -> int:
    """检查社区数据是否符合所遵循的标准和完整性要求。

    \b
    示例：
      gongshi validate                       检查 communities/ 下全部社区
      gongshi validate communities/oujiang   只检查一个社区
      gongshi validate --format json         输出 JSON，供其他程序读取
      gongshi validate --changed origin/main 只检查改动过的社区
    退出码：0 没有错误；1 有错误（加 --strict 时警告也算）；2 无法运行。
    """
    from generator.checked import check
    from generator.clock import reference_date

    root = project_root()
    only = slugs_for(paths, root)
    if changed:
        from generator.changes import GitUnavailable, changed_communities

        try:
            touched = changed_communities(root, changed)
        except GitUnavailable as exc:
            raise CliError(f"无法确定改动过的社区：{exc}") from None
        only = [s for s in touched if only is None or s in only]
        if not only:
            click.echo(f"自 {changed} 以来没有社区数据改动。")
            return 0
    result = check(root, reference_date(as_of), only)
    findings = result.findings.sorted()
    names = result.names
    if fmt == "json":
        click.echo(json.dumps({"as_of": result.as_of.isoformat(), "findings": [f.to_json() for f in findings],
                               "summary": summarise(findings, names)}, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            if finding.severity is Severity.INFO and not show_info:
                continue
            click.echo(finding.format())
        click.echo(f"状态截至 {result.as_of.isoformat()}")
        for line in summarise(findings, names):
            click.echo(line)
    failing = {Severity.ERROR} | ({Severity.WARNING} if strict else set())
    return 1 if any(f.severity in failing for f in findings) else 0


@main.command(context_settings=CONTEXT)
@click.argument("slug")
@click.option("--profile", type=click.Choice(["xingfuli", "renren"]), required=True,
              help="遵循的标准：xingfuli（温州共享社·幸福里）或 renren（常州人人社区）。")
@click.option("--kind", type=click.Choice(["社区", "小区", "村"]), required=True, help="类型。")
@click.option("--old-estate", is_flag=True, help="老旧小区。")
@click.option("--parent", metavar="SLUG", help="小区所属社区的文件夹名。")
@guarded
def new(slug: str, profile: str, kind: str, old_estate: bool, parent: str | None) -> int:
    """新建一个社区的数据文件夹，每个文件都带中文示例和说明。

    新社区是草稿（draft: true）：会被检查，但在改成 false 之前不会发布。

    \b
    示例：
      gongshi new wangjiang --profile xingfuli --kind 社区
      gongshi new lihua --profile xingfuli --kind 小区 --old-estate --parent wangjiang
    """
    from generator.scaffold import ScaffoldError, new_community
    from generator.config import site_url

    root = project_root()
    try:
        written = new_community(root, slug, profile, kind, old_estate, parent,
                                schema_base=site_url(root) + "schemas/")
    except ScaffoldError as exc:
        raise CliError(str(exc)) from None
    for path in written:
        click.echo(f"已创建 {path.relative_to(root)}")
    click.echo(f"\n下一步：\n  1. 打开 communities/{slug}/community.yml，填写带“# 填写：”的内容（名称、地区、人口、联系方式）；"
               f"\n  2. 运行 gongshi validate communities/{slug}，按提示补全其他文件；"
               f"\n  3. 全部无误后把 draft 改成 false，再运行 gongshi build。")
    return 0


@main.command(context_settings=CONTEXT)
@click.option("--site-dir", default="site", show_default=True, help="输出目录。")
@click.option("--size", "sizes", multiple=True, type=click.Choice(["A4", "A3"]), default=("A4",),
              show_default=True, help="海报纸张大小，可重复。")
@click.option("--no-posters", is_flag=True, help="只更新网站，不画海报。")
@AS_OF
@guarded
def watch(site_dir: str, sizes: tuple[str, ...], no_posters: bool, as_of: date | None) -> int:
    """一直运行：每次保存数据文件后自动更新网站和改动社区的海报，按 Ctrl-C 停止。

    先像 gongshi build 一样把网站更新到最新，然后监视 communities/、content/、theme/ 和
    mkdocs.yml。只改了某些社区时，只重新生成这些社区和全市页面，并重画这些社区的海报。
    有错误时打印出来（文件、行号、怎么改），网站保持上一次的内容，改正保存后自动再试。

    \b
    示例：
      gongshi watch
      gongshi watch --no-posters
    """
    from generator.clock import reference_date
    from generator.publish import BuildOptions
    from generator.watch import WATCHED_FILES, WATCHED_FOLDERS, Changes, Pass
    from generator.watch import watch as keep_up_to_date

    # `kill -USR1` prints where every thread of a long-running watch stands (for a stuck one).
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    root = project_root()
    options = BuildOptions(root=root, site_dir=root / site_dir, as_of=reference_date(as_of),
                           posters=not no_posters, sizes=tuple(sizes))

    def report(done: Pass) -> None:
        when = f"[{time.strftime('%H:%M:%S')}]"
        if done.failed is not None:
            for finding in done.failed.findings:
                click.echo(finding.format())
            reason = f"{len(done.failed.findings)} 个错误需要先改正" if done.failed.findings else str(done.failed)
            click.echo(f"{when} 未发布：{reason}；{site_dir}/ 保持上一次的内容。改正并保存后会自动再试。")
        elif done.error:
            click.echo(f"{when} 无法写出网站（{done.error}）；{site_dir}/ 保持上一次的内容。")
        elif done.published is None:
            click.echo(f"{when} {site_dir}/ 已是最新。")
        else:
            what = ("只重新生成了 " + "、".join(done.published.updated)) if done.published.updated else "完整生成"
            posters = f"，海报 {done.published.posters} 张" if done.published.posters else ""
            click.echo(f"{when} 已发布到 {site_dir}/：{what}（{done.seconds:.2f} 秒{posters}）。")

    watched = "、".join(f"{name}/" for name in WATCHED_FOLDERS) + " 和 " + "、".join(WATCHED_FILES)
    changes = Changes(root)
    click.echo(f"正在监视 {watched} 的改动，保存后自动更新 {site_dir}/；按 Ctrl-C 停止。")
    try:
        keep_up_to_date(options, as_of, report, iter(changes))
    except KeyboardInterrupt:
        pass
    finally:
        from generator.site.manifest import manifest_written

        manifest_written(root)
    click.echo("已停止监视。")
    return 0


@main.command(context_settings=CONTEXT)
@click.argument("folder", type=click.Path(file_okay=False))
@guarded
def schema(folder: str) -> int:
    """导出每种数据文件的 JSON Schema（编辑器自动补全用）。

    \b
    示例：
      gongshi schema schemas/
    """
    from generator.model.schema_export import write_schemas

    for path in write_schemas(Path(folder)):
        click.echo(str(path))
    return 0


@main.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="输出格式：table（对齐的表格）、csv（Excel 可直接打开）或 json。")
@AS_OF
@guarded
def report(fmt: str, as_of: date | None) -> int:
    """全市（街道）汇总表：每个社区的关键指标和达标情况。

    \b
    示例：
      gongshi report
      gongshi report --format csv > 汇总.csv
    """
    from generator.pipeline import validate as run_validation
    from generator.report import as_csv, as_json, as_table, report_rows

    result = run_validation(project_root(), as_of)
    rows = report_rows(result)
    if fmt == "csv":
        click.echo(as_csv(rows), nl=False)
    elif fmt == "json":
        click.echo(as_json(rows, result))
    else:
        click.echo(as_table(rows))
    return 0


@main.command(context_settings=CONTEXT)
@click.option("--community", "communities", multiple=True, metavar="SLUG", help="只生成这个社区的海报，可重复。")
@click.option("--size", "sizes", multiple=True, type=click.Choice(["A4", "A3"]), default=("A4",),
              show_default=True, help="纸张大小，可重复。")
@click.option("--site-dir", default="site", show_default=True, help="输出目录（海报在 <社区>/posters/ 下）。")
@AS_OF
@guarded
def posters(communities: tuple[str, ...], sizes: tuple[str, ...], site_dir: str, as_of: date | None) -> int:
    """生成可直接送印的海报和标牌（PDF，CMYK，真实纸张尺寸）及预览图（PNG）。

    \b
    示例：
      gongshi posters
      gongshi posters --community wangjiang --size A3
    """
    from generator.clock import reference_date
    from generator.publish import BuildFailed, publish_posters

    root = project_root()
    unknown = [c for c in communities if not (root / COMMUNITIES_DIR / c).is_dir()]
    if unknown:
        raise CliError(f"找不到社区：{'、'.join(unknown)}")
    try:
        with Progress("生成海报") as progress:
            drawn = publish_posters(root, root / site_dir, reference_date(as_of), tuple(sizes),
                                    list(communities) or None, progress.update)
    except BuildFailed as failed:
        for finding in failed.findings:
            click.echo(finding.format())
        click.echo(f"未生成海报：{len(failed.findings)} 个错误需要先改正。", err=True)
        return 1
    if drawn is None:
        click.echo(f"{site_dir}/ 中的海报已是最新：数据、设置和 gongshi 都没有改动。")
    else:
        click.echo(f"已生成 {drawn} 张海报（{drawn * 2} 个文件）到 {site_dir}/。")
    return 0


@main.command(context_settings=CONTEXT)
@click.option("--site-dir", default="site", show_default=True, help="输出目录。")
@click.option("--size", "sizes", multiple=True, type=click.Choice(["A4", "A3"]), default=("A4",),
              show_default=True, help="海报纸张大小，可重复。")
@click.option("--no-posters", is_flag=True, help="只生成网站，不生成海报。")
@click.option("--force", is_flag=True, help="即使数据和设置都没有改动，也重新生成。")
@AS_OF
@guarded
def build(site_dir: str, sizes: tuple[str, ...], no_posters: bool, force: bool, as_of: date | None) -> int:
    """检查数据，生成网站和海报到 site/。

    有阻止发布的错误（格式错误、账目不平、隐私信息等）时不发布，上一次的 site/ 原样保留。

    \b
    示例：
      gongshi build
      gongshi build --as-of 2026-11-23 --size A4 --size A3
    """
    from generator.clock import reference_date
    from generator.publish import BUILD_MARK, BuildFailed, BuildOptions, build_digest, is_marked, publish

    root = project_root()
    options = BuildOptions(root=root, site_dir=root / site_dir, as_of=reference_date(as_of),
                           posters=not no_posters, sizes=tuple(sizes))
    digest = build_digest(options)
    if not force and is_marked(options.site_dir, BUILD_MARK, digest.combined):
        click.echo(f"{site_dir}/ 已是最新：数据、设置和 gongshi 都没有改动（状态截至 {options.as_of.isoformat()}）。")
        return 0
    try:
        with Progress("生成海报") as progress:
            published = publish(options, steps=progress.report, digest=digest, full=force)
    except BuildFailed as failed:
        for finding in failed.findings:
            click.echo(finding.format())
        reason = f"{len(failed.findings)} 个错误需要先改正" if failed.findings else str(failed)
        click.echo(f"未发布：{reason}；{site_dir}/ 保持上一次的内容。", err=True)
        return 1
    except OSError as exc:   # a full disk, a folder without write permission: nothing to report to support
        raise CliError(f"无法写出网站（{exc.strerror or exc}）；{site_dir}/ 保持上一次的内容。"
                       "请检查磁盘空间和文件夹权限后重新运行。") from None
    updated = f"，只重新生成了改动的 {'、'.join(published.updated)}" if published.updated else ""
    click.echo(f"已发布到 {site_dir}/（状态截至 {options.as_of.isoformat()}，{published.communities} 个社区{updated}）。")
    if published.unmet:
        click.echo(f"另有 {published.unmet} 项标准要求未达到，已在各社区的“达标自评”页公开；运行 gongshi validate 查看。")
    return 0


@main.command(context_settings=CONTEXT)
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--size", "sizes", multiple=True, type=click.Choice(["A4", "A3"]), default=("A4",),
              show_default=True, help="海报纸张大小，可重复。")
@click.option("--no-posters", is_flag=True, help="只导出网页和数据，不生成海报。")
@AS_OF
@guarded
def export(folder: str, sizes: tuple[str, ...], no_posters: bool, as_of: date | None) -> int:
    """把整个网站导出为普通的文档文件夹（自带 mkdocs.yml），不需要 gongshi 插件就能构建。

    文件夹里有全部页面、开放数据、海报、content/ 中的页面和主题；
    用 mkdocs build 或 zensical build 都能生成同样的网站。
    有阻止发布的错误时不导出，文件夹保持原样。

    \b
    示例：
      gongshi export out --as-of 2026-11-23
      gongshi export out && cd out && zensical build
    """
    from generator.export import ExportOptions, ExportRefused, export as run_export
    from generator.pipeline import reference_date

    root = project_root()
    options = ExportOptions(root=root, folder=Path(folder), as_of=reference_date(as_of),
                            posters=not no_posters, sizes=tuple(sizes))
    try:
        with Progress("生成海报") as progress:
            validated = run_export(options, progress=progress.update)
    except ExportRefused as refused:
        if not refused.findings:       # a folder that must not be replaced, a poster that cannot be drawn
            raise CliError(f"{refused}；没有写出任何内容。") from None
        for finding in refused.findings:
            click.echo(finding.format())
        click.echo(f"未导出：{refused}；{folder}/ 保持原样。", err=True)
        return 1
    except OSError as exc:
        raise CliError(f"无法写出导出文件夹（{exc.strerror or exc}）；{folder}/ 保持原样。"
                       "请检查磁盘空间和文件夹权限后重新运行。") from None
    click.echo(f"已导出到 {folder}/（状态截至 {options.as_of.isoformat()}，"
               f"{len(validated.city.published())} 个社区）。")
    click.echo(f"构建网站：cd {folder} && mkdocs build（或 zensical build），网站在 {folder}/site/。")
    return 0


class Progress:
    """Progress bars on stderr for long jobs, one for each step as it is reported
    (`report`; `update`: the step named `label`); silent when nothing is reported."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.step = ""
        self.bar: Any = None

    def __enter__(self) -> "Progress":
        return self

    def update(self, done: int, total: int) -> None:
        self.report(self.label, done, total)

    def report(self, step: str, done: int, total: int) -> None:
        if self.bar is None or step != self.step:
            self.__exit__(None, None, None)
            self.step = step
            self.bar = click.progressbar(length=total, label=step, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
            self.bar = None


if __name__ == "__main__":  # pragma: no cover
    main()
