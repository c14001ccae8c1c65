"""Load: YAML text -> plain values with a location for every node.

Nothing below this package knows about YAML.
"""

from generator.load.document import Document, load_bytes, load_document, load_text

__all__ = ["Document", "load_bytes", "load_document", "load_text"]
