"""A validated community and its findings survive pickling (a build cache stores
them): what staff would read is the same after the round trip."""

from __future__ import annotations

import pickle
from pathlib import Path

from generator.pipeline import validate
from tests.conftest import AS_OF, apply_edits, copy_examples

# Edits that give every kind of finding a place: a load error, a schema error,
# an integrity rule and a privacy hit.
EDITS = {
    "wangjiang": [{"file": "funds.yml", "find": "closing: 204783.25", "replace": "closing: 204788.25"},
                  {"file": "lists.yml", "find": "status: 已加装高空抛物监控 12 处}", "replace": "status: 330302199001011235}"}],
    "qingfeng": [{"file": "services.yml", "write": "dibao:\n  - id: 1\n    id: 2\n"}],
}


def test_communities_and_findings_pickle(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    for slug, edits in EDITS.items():
        apply_edits(root, slug, edits)
    result = validate(root, AS_OF)
    texts = [f.format() for f in result.findings.sorted()]
    assert {f.community for f in result.findings} >= set(EDITS)

    for slug, community in result.city.communities.items():
        copy = pickle.loads(pickle.dumps(community, protocol=pickle.HIGHEST_PROTOCOL))
        assert [f.format() for f in copy.findings] == [f.format() for f in community.findings]
        assert copy.loc("funds.yml", "statements", 0) == community.loc("funds.yml", "statements", 0)
        assert copy.profile == community.profile
    findings = pickle.loads(pickle.dumps(result.findings, protocol=pickle.HIGHEST_PROTOCOL))
    assert [f.format() for f in findings.sorted()] == texts
