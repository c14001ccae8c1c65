"""Names of private persons: the schema marks the fields that hold them, and the one
display function masks every such field, however deep, for the site and posters."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from generator.model.community import load_community
from generator.model.records import FILE_MODELS, Household, Registration, ServicesFile
from generator.model.schema_export import file_schema
from generator.privacy.persons import for_display, holds_names, person_fields, records_in
from tests.conftest import EXAMPLES

# Every field that holds a person's name. Adding one is a decision: list it here.
PERSON_NAME_FIELDS = {("Household", "name")}


def all_models() -> set[type]:
    seen: set[type] = set()
    stack = list(FILE_MODELS.values())
    while stack:
        model = stack.pop()
        if model not in seen:
            seen.add(model)
            stack += records_in(model)
    return seen


def test_the_person_name_fields_are_the_listed_ones() -> None:
    assert {(m.__name__, name) for m in all_models() for name in person_fields(m)} == PERSON_NAME_FIELDS


def test_the_json_schema_says_which_field_holds_a_name() -> None:
    household = file_schema("services.yml")["$defs"]["Household"]["properties"]["name"]
    assert household["x-gongshi-person-name"] is True
    assert "x-gongshi-person-name" not in json.dumps(file_schema("funds.yml"))


def test_display_masks_every_name_however_deep_and_changes_nothing_else() -> None:
    services = load_community(EXAMPLES / "wangjiang").services
    shown = for_display(services)
    names = [h.name for r in services.dibao for h in r.households]
    assert names and [h.name for r in shown.dibao for h in r.households] == [
        n[0] + "*" * (len(n) - 2) + n[-1] if len(n) > 2 else n[0] + "*" for n in names]
    assert shown.model_dump(exclude={"dibao": {"__all__": {"households": {"__all__": {"name"}}}}}) == \
        services.model_dump(exclude={"dibao": {"__all__": {"households": {"__all__": {"name"}}}}})
    assert [h.name for r in services.dibao for h in r.households] == names      # the record is untouched


def test_records_without_names_pass_through_as_they_are() -> None:
    registration = Registration(id="x", title="t", disclosed=date(2026, 1, 1),
                                households=[Household(name="欧阳娜娜", members=1)])
    assert for_display(registration).households[0].name == "欧**娜"
    community = load_community(EXAMPLES / "qingfeng")
    assert for_display(community.funds) is community.funds
    assert holds_names(ServicesFile) and not holds_names(type(community.funds))


def test_the_example_notice_in_its_window_shows_masked_names_only(tmp_path: Path) -> None:
    """qingfeng's 2026-Q2 list is shown while its 公示期 is open (decisions 6)."""
    from generator.pipeline import validate
    from generator.site.builders.services import notice_page
    from generator.site.context import Site, SiteConfig
    from tests.conftest import copy_examples

    root = copy_examples(tmp_path, ["qingfeng"])
    validated = validate(root, date(2026, 6, 12))
    site = Site.create(validated, SiteConfig("https://gongshi.example.cn/", root))
    community = site.community("qingfeng")
    page = notice_page(site, community, community.services.dibao[0])
    assert "徐*新" in page.body_html and "徐立新" not in page.body_html
