"""`gongshi new`: scaffold a community's data files with commented Chinese examples."""

from generator.scaffold.new import ScaffoldError, new_community

__all__ = ["ScaffoldError", "new_community"]
