"""A poster's words as plain values: what kinds.py and signs.py produce and
compose.py lays out. Every text remembers where it came from, so a character
the font lacks can be reported with its file and line. Everything here is
picklable: worker processes receive it as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.findings import Location


@dataclass(frozen=True)
class Text:
    value: str
    source: Location | None = None

    def __str__(self) -> str:
        return self.value


def t(value: object, source: Location | None = None) -> Text:
    return Text("" if value is None else str(value), source)


@dataclass(frozen=True)
class Heading:
    text: Text


@dataclass(frozen=True)
class Paragraph:
    text: Text
    style: str = "body"          # "body" or "note" (smaller, muted)


@dataclass(frozen=True)
class Items:
    """A list: numbered ("1." "2." …) or with bullets."""

    items: tuple[Text, ...]
    numbered: bool = True


@dataclass(frozen=True)
class Column:
    header: str
    weight: float = 1.0          # share of the table's width; a layout may override by table name
    align: str = "left"          # "left", "right" or "center"


@dataclass(frozen=True)
class Table:
    name: str                    # layouts refer to a table by name (tables: {income: [3, 1.2]})
    columns: tuple[Column, ...]
    rows: tuple[tuple[Text, ...], ...]
    total: tuple[Text, ...] | None = None     # a last row in bold (合计)


@dataclass(frozen=True)
class KeyFigures:
    """A few large numbers in a row of boxes (期初余额, 收入合计, …)."""

    figures: tuple[tuple[Text, Text], ...]    # (label, value)


@dataclass(frozen=True)
class TermBox:
    """The 名词解释 box: glossary terms the poster uses, each with its short
    explanation (generator/glossary), in the order the poster first uses them."""

    entries: tuple[tuple[Text, Text], ...]    # (term, explanation)
    heading: Text = Text("名词解释")


Block = Heading | Paragraph | Items | Table | KeyFigures | TermBox


@dataclass(frozen=True)
class PosterContent:
    """`fields` fill the layout's text templates ({title}, {issuer}, …);
    `body` flows into the layout's body box, over as many pages as it takes."""

    fields: dict[str, Text]
    body: tuple[Block, ...] = ()
    brand: str = ""                       # "xingfuli" draws the brand mark; otherwise a plain wordmark
    mark_image: str | None = None         # the community's official artwork, when present
    url: str = ""                         # what the QR code holds
    date: str = ""                        # ISO date written into the PDF as its creation date

    def texts(self) -> Iterator[tuple[Text, str]]:
        """Every text with a description of where it is on the poster."""
        for name, text in self.fields.items():
            yield text, f"海报字段 {name}"
        for block in self.body:
            if isinstance(block, (Heading, Paragraph)):
                yield block.text, "正文"
            elif isinstance(block, Items):
                for item in block.items:
                    yield item, "正文列表"
            elif isinstance(block, Table):
                for column in block.columns:
                    yield Text(column.header), f"表格“{block.name}”的表头"
                for row in block.rows + ((block.total,) if block.total else ()):
                    for cell in row:
                        yield cell, f"表格“{block.name}”"
            elif isinstance(block, KeyFigures):
                for label, value in block.figures:
                    yield label, "数字栏"
                    yield value, "数字栏"
            elif isinstance(block, TermBox):
                yield block.heading, "名词解释框"
                for term, explanation in block.entries:
                    yield term, "名词解释框"
                    yield explanation, "名词解释框"


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to draw one poster: no validated model, no open files."""

    layout: str                  # layout file name in theme/posters/, without .yml
    size: str                    # "A4", "A3", or "native" for signs
    content: PosterContent
    pdf_path: str                # site-relative
    png_path: str
    community: str = ""
