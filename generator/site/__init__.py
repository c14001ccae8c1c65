"""The public website: pages computed as plain values, handed to MkDocs at the edge.

    pages.py      Page / DataFile values, site_pages(), community_pages(), build_data(), export to a docs folder
    summary.py    what the city-level pages and files read of each community (a Listing of Summary values)
    lifecycle.py  which records are published, scheduled (placeholder) or withdrawn
    windows.py    公示期 status against the build's reference date (posters reuse it)
    events.py     dated disclosure events: "what changed", feeds, the footer's data date
    history.py    修订记录: git dates of a data file joined with a record's `changes`
    render.py     the Jinja2 environment (autoescape), relative links, the compiled-template cache
    builders/     one module per page kind
    opendata.py, feeds.py, ics.py, datapackage.py   the data files beside the pages
    search.py     per-community and site-wide search indexes, words cut at build time
    redirects.py  pages at a renamed community's old addresses
    plugin.py     the MkDocs adapter: validates, hands the site pages to MkDocs, writes the communities
    chrome.py     the theme's frame rendered once per community and depth
    communities.py  each community's pages in that frame, on every core; the sitemap
    build.py      build_site(): run MkDocs programmatically for `gongshi build`
    manifest.py   what a build leaves for the next: summaries, page lists, sitemap, search settings
    update.py     a build after some communities changed: only they and the city pages are remade
"""
