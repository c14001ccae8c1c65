"""`gongshi build` after a few communities' records changed: only those are
validated and rendered again, and the city-level pages and files are remade
from the other communities' summaries of the last build (manifest.py).

An update writes nothing until everything it writes is ready in a staging
folder beside the site; then each changed community's folder is swapped in
by renames and each city-level file replaced by a rename, with Ctrl-C held
back for those few milliseconds. What an update cannot do safely — a changed
profile (community.yml), a community added or removed, a theme, content or
gongshi change, a new data date for the whole site, a different set of listing
pages — it declines, and the caller builds in full. The result is the same,
byte for byte, as a full build of the same data (tests/site/test_update.py).
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page as MkDocsPage

from generator.findings import unmet_by_community
from generator.fingerprint import ProjectDigest, committed_between
from generator.folders import COMMUNITIES_DIR
from generator.pipeline import Validated, validate
from generator.site.build import build_clock, load_project
from generator.site.chrome import FrameRenderer
from generator.site.communities import write_communities, write_file, write_sitemap
from generator.site.context import Site
from generator.site.manifest import BuiltSite, Manifest
from generator.site.pages import DataFile, Page, city_data_files, community_data, listing_pages
from generator.site.plugin import GongshiPlugin, site_config
from generator.site.redirects import old_addresses
from generator.site.search import site_index
from generator.site.summary import Listing


class Declined(Exception):
    """This change needs a full build."""


DrawPosters = Callable[[Validated, list[str], Path], int]      # (validated, slugs, out_dir) -> posters drawn


@dataclass(frozen=True)
class Updated:
    built: BuiltSite              # the new manifest's contents
    rendered: list[str]           # the communities rendered again
    folders: list[str]            # the top-level folders they own (theirs, their old names' redirect pages)
    posters: int                  # posters drawn or copied for them


def changed_communities(root: Path, manifest: Manifest, digest: ProjectDigest) -> set[str]:
    """The communities to render again, or Declined when the change reaches further."""
    if digest.shared != manifest.digest.shared:
        raise Declined("settings, profiles, theme, content or gongshi changed")
    changed = digest.changed(manifest.digest)
    if set(digest.communities) != set(manifest.digest.communities):
        raise Declined("a community was added or removed")
    if digest.head != manifest.digest.head:      # new commits: their files' histories have a new date
        committed = committed_between(root, manifest.digest.head, digest.head) if manifest.digest.head else None
        if committed is None:
            raise Declined("git cannot say what the new commits changed")
        for path in committed:
            top, _, rest = path.partition("/")
            slug = rest.split("/")[0]
            if top == COMMUNITIES_DIR and slug in digest.communities:
                changed.add(slug)
    return changed


def update_site(root: Path, staging: Path, manifest: Manifest, digest: ProjectDigest,
                render_posters: DrawPosters | None) -> Updated:
    """Write into `staging` what changed since `manifest`; raise Declined when a
    full build is needed, BuildFailed when the data cannot be published.
    `render_posters(validated, slugs, out_dir)` draws the posters of `slugs`, on
    another core while the pages are written."""
    from generator.publish import BuildFailed

    built = manifest.built
    changed = changed_communities(root, manifest, digest)
    summaries = {s.slug: s for s in built.listing.summaries}
    loaded = set(changed)
    for slug in changed:          # a page names its parent and lists its children
        if slug in summaries and summaries[slug].parent:
            loaded.add(summaries[slug].parent)
        loaded |= {s.slug for s in built.listing.summaries if s.parent == slug}
    as_of = built.listing.as_of
    validated = validate(root, as_of, sorted(loaded))
    blocking = validated.blocking()
    if blocking:
        raise BuildFailed(blocking)
    config, plugin = load_project(root, staging, as_of)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    skip_search_entries(config)
    site = Site.create(validated, site_config(config, root))
    published = [c for c in site.communities if c.slug in changed]
    if {c.slug for c in published} != changed & set(summaries):
        raise Declined("a community was published or withdrawn")

    data: dict[str, list[DataFile]] = {}
    for c in published:
        data[c.slug], summaries[c.slug] = community_data(site, c)
    listing = Listing([summaries[s.slug] for s in built.listing.summaries], built.listing.config, as_of)
    day = listing.data_day()
    if (day.isoformat() if day else "") != built.data_day:
        raise Declined("the site's data date changed")
    listed = listing_pages(listing)
    if [p.path for p in listed] != built.listed:
        raise Declined("the listing pages changed")

    slugs = sorted(c.slug for c in published)
    posters = alongside(render_posters, validated, slugs, staging) if render_posters and slugs else lambda: 0

    keys = {page.path: page.fingerprint() for page in listed}
    # A listing page made from the same text is the same page (the theme and navigation did
    # not change, or the update was declined); after a commit its history may have a new date.
    stale = [page for page in listed
             if digest.head != manifest.digest.head or built.listed_keys.get(page.path) != keys[page.path]]
    plugin.as_of = as_of
    files, nav, env = theme_for(config, plugin, listing, listed + built.reference)
    with build_clock(as_of):
        doc_files = files.documentation_pages()
        for page in stale:
            _build_page(files.get_file_from_path(page.src_uri).page, config, doc_files, nav, env)
        renderer = FrameRenderer(config, env, nav, files)
        pages = write_communities(site, renderer, staging, built.search, only=sorted(changed))
    for files_of_one in data.values():
        for one in files_of_one:
            write_file(one.content, staging / one.path)
    drawn = posters()
    for one in city_data_files(listing, built.schemas):
        write_file(one.content, staging / one.path)
    if built.search is not None and stale:
        index = site_index(listed + built.searched, built.search)
        write_file(index.content, staging / index.path)
    all_pages = {**built.pages, **pages}
    if any(built.pages.get(slug) != paths for slug, paths in pages.items()):
        write_sitemap(staging, built.sitemap, built.sitemap_mtime, all_pages, listing.config.site_url)
    unmet = {**built.unmet, **unmet_by_community(validated.findings, (c.slug for c in published))}
    folders = sorted(pages) + sorted({old.split("/")[0] for c in published for path in pages[c.slug]
                                      for old in old_addresses(c, path)})
    return Updated(replace(built, listing=listing, pages=all_pages, unmet=unmet, listed_keys=keys), sorted(pages),
                   folders, drawn)


def alongside(draw: DrawPosters, validated: Validated, slugs: list[str], out_dir: Path) -> Callable[[], int]:
    """Start `draw` in a forked process, which shares everything loaded (nothing is
    pickled on the way in); the returned function waits for it and gives its result
    or raises its exception. With one core, draws now."""
    if (os.cpu_count() or 1) < 2:
        drawn = draw(validated, slugs, out_dir)
        return lambda: drawn
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        try:
            writer.send((True, draw(validated, slugs, out_dir)))
        except BaseException as exc:        # noqa: BLE001 - handed to the parent, which raises it
            writer.send((False, exc))

    process = context.Process(target=child, name="gongshi-posters")
    process.start()
    writer.close()

    def result() -> int:
        try:
            done, value = reader.recv()
        except EOFError:
            raise RuntimeError(f"the poster process ended with code {process.exitcode}") from None
        finally:
            process.join()
            reader.close()
        if not done:
            raise value
        return value

    return result


def theme_for(config: MkDocsConfig, plugin: GongshiPlugin, listing: Listing,
              pages: list[Page]) -> tuple[Files, Navigation, Environment]:
    """What MkDocs' build sets up before it writes pages, with `pages` as the site's
    generated pages: the files, the navigation (every page read, so that titles
    in it are the same as in a full build) and the theme's environment."""
    files = get_files(config)      # the theme's own files are not listed: no page being written links them
    env = config.theme.get_env()
    plugin.searched = []
    plugin.add_pages(files, config, pages)
    plugin.set_navigation(config, files, listing)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    for file in files.documentation_pages():
        if file.page is None:
            MkDocsPage(None, file, config)
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    return files, nav, env


def skip_search_entries(config: MkDocsConfig) -> None:
    """MkDocs' search plugin reads every page it sees for an index that only a full
    build writes (the update writes the site index itself): it need not read these."""
    searches = {id(plugin) for name, plugin in config.plugins.items() if name.endswith("search")}
    events = config.plugins.events["page_context"]
    events[:] = [method for method in events if id(getattr(method, "__self__", None)) not in searches]
