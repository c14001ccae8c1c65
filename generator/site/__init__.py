"""The public website: pages computed as plain values, handed to MkDocs at the edge.

    pages.py      Page / DataFile values, build_pages(), build_data_files(), export to a docs folder
    lifecycle.py  which records are published, scheduled (placeholder) or withdrawn
    windows.py    公示期 status against the build's reference date (posters reuse it)
    events.py     dated disclosure events: "what changed", feeds, the footer's data date
    history.py    修订记录: git dates of a data file joined with a record's `changes`
    render.py     the Jinja2 environment (autoescape) and relative links
    builders/     one module per page kind
    opendata.py, feeds.py, ics.py   the data files beside the pages
    plugin.py     the MkDocs adapter, the only module that imports mkdocs
    build.py      build_site(): run MkDocs programmatically for `gongshi build`
"""
