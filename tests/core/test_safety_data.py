"""safety.toml's honesty and shape: each source says the day it was read or "" (not re-read), blocks
carry no date of their own, and every keyword group is declared as fed by the substance or the route
fields (a group in neither or both is refused, naming the file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ihrp_desktop.core.safety import SafetyDataError, _read, safety_content, safety_dir

SHIPPED = (safety_dir() / "safety.toml").read_text(encoding="utf-8")


def test_every_block_s_sources_say_when_each_was_read_or_that_it_was_not() -> None:
    content = safety_content()
    for block in content.blocks:
        assert len(block.checked) == len(block.sources) and block.sources
        for day in block.checked:
            if day:
                dt.date.fromisoformat(day)
    not_reread = {s for b in content.blocks for s, day in zip(b.sources, b.checked, strict=True) if not day}
    assert any(s.startswith("CDC, Fentanyl test strips") for s in not_reread)  # its comment said so


def test_every_keyword_group_is_fed_by_one_kind_of_field() -> None:
    content = safety_content()
    assert content.route_groups == {"injecting"}
    substance_groups = set(content.keywords) - content.route_groups
    assert {"opioids", "alcohol", "depressants", "dissociatives"} <= substance_groups


@pytest.mark.parametrize(("change", "says"), [
    (('route = ["injecting"]', 'route = []'), "neither: ['injecting']"),
    (('route = ["injecting"]', 'route = ["injecting", "alcohol"]'), "both: ['alcohol']"),
    (('source = ["sfaf"]\n', 'source = ["sfaf"]\nchecked = "2026-12-07"\n'), "belongs to each source"),
])
def test_a_file_that_does_not_declare_its_fields_or_dates_a_block_is_refused(
    tmp_path: Path, change: tuple[str, str], says: str
) -> None:
    assert change[0] in SHIPPED
    path = tmp_path / "safety.toml"
    path.write_text(SHIPPED.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(SafetyDataError, match="safety.toml") as refused:
        _read(path)
    assert says in str(refused.value)
