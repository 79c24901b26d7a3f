"""Generated hostile documents (hypothesis): any value at any place of a good export either imports
or is refused with ExportFormatError, and a refused one leaves the vault's records as they were."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.exchange import ExportFormatError, export_records, import_records
from ihrp_desktop.core.exchange_file import nesting_depth_over
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import Vault
from tests.hostile.import_helpers import PASSPHRASE, hostile, hostile_template  # noqa: F401 - fixtures

LIBRARY = default_library()
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            "en",
            "es",
            "xx",
            "draft",
            "reviewed",
            "2026-02-30",
            "10000-01-01",
            "2026-11-20",
            "00000000-0000-4000-8000-000000000000",
        ]
    )
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


_GOOD: list[dict[str, Any]] = []


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as a path of keys and indices."""
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += places(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += places(item, (*path, i))
    return out


def records(vault: Vault) -> dict[str, Any]:
    doc = export_records(vault)
    doc.pop("exported_at")
    return doc


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_value_anywhere_imports_whole_or_not_at_all(hostile, data: st.DataObject) -> None:  # noqa: F811
    with Vault.open(hostile.vault, PASSPHRASE) as vault:
        if not _GOOD:  # the template's export, the same for every example (imports change the vault)
            _GOOD.append(json.loads(json.dumps(export_records(vault), ensure_ascii=False)))
        doc = copy.deepcopy(_GOOD[0])
        for _ in range(data.draw(st.integers(1, 3), label="changes")):
            path = data.draw(st.sampled_from(places(doc)), label="place")
            if not path:
                doc = data.draw(JSON, label="whole document")
                continue
            parent = doc
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict) and data.draw(st.booleans(), label="remove the key"):
                del parent[path[-1]]
            else:
                parent[path[-1]] = data.draw(JSON, label="value")
        before = records(vault)
        try:
            import_records(vault, doc, LIBRARY)
        except ExportFormatError as exc:
            assert records(vault) == before, str(exc)
            assert "Traceback" not in str(exc)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


TRICKY_TEXT = st.text(st.sampled_from('[]{}"\\/ aą\n'), max_size=6)
NESTED = st.recursive(
    st.none() | st.integers() | TRICKY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY_TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(value=NESTED, ascii_only=st.booleans(), limit=st.integers(0, 6))
def test_the_nesting_check_counts_what_the_parser_would(value: Any, ascii_only: bool, limit: int) -> None:
    # Brackets, quotes and backslashes typed inside text never count; every real list or object does.
    data = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    assert nesting_depth_over(data, limit) == (depth(value) > limit)
