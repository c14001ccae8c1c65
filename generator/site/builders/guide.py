"""填写指南: the field reference of every data file and the rule list, rendered
from the schema and the registry (generator/guide.py) so they never drift."""

from __future__ import annotations

from typing import Iterator

from generator import addresses
from generator.guide import field_docs, rules_by_profile
from generator.model.records import FILE_MODELS, FILE_TITLES
from generator.site.context import Site
from generator.site.pages import Page
from generator.site.render import render


def pages(site: Site) -> Iterator[Page]:
    for filename, model in FILE_MODELS.items():
        path = addresses.guide_fields(filename)
        title = f"字段说明：{filename}（{FILE_TITLES[filename]}）"
        schema = addresses.schema_file(filename)
        yield Page(path, title, render("guide_fields.html", path, title=title, filename=filename,
                                       fields=field_docs(model), schema=schema))
    groups = rules_by_profile()
    path = addresses.guide_rules()
    listed = [(title, addresses.guide_rules_of(profile), len(rules)) for profile, title, rules in groups]
    yield Page(path, "检查规则一览", render("guide_rules.html", path, title="检查规则一览", groups=listed))
    for profile, title, rules in groups:
        path = addresses.guide_rules_of(profile)
        yield Page(path, f"检查规则：{title}", render("guide_rules_group.html", path, title=f"检查规则：{title}",
                                                   rules=rules, index=addresses.guide_rules()))
