"""gongshi — community public-disclosure boards as a static site.

Data flows one way: load (YAML -> located values) -> model (typed records)
-> rules (findings, figures) -> render (site pages, posters, open data).
"""

__version__ = "0.1.0"
