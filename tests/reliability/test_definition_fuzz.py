"""8. Definition fuzz: generated and mutated worksheet definition files never crash or hang the loader.

Every file is either accepted (and then prints as a blank worksheet) or rejected with a
FormDefinitionError naming the file and where (line and/or field) within one second.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.forms import FormDefinition, FormDefinitionError, load_definition
from ihrp_desktop.core.paths import forms_dir
from ihrp_desktop.core.pdf import render_blank

HERE = Path(__file__).resolve().parent
SEEDS = sorted(forms_dir().glob("*.toml")) + [HERE.parent / "app" / "editor_synthetic.toml"]
SOURCES = {p.name: p.read_text(encoding="utf-8") for p in SEEDS if p.is_file()}
STATS = {
    "examples": 0,
    "accepted": 0,
    "rejected": 0,
    "rejected_with_field": 0,
    "rejected_with_line": 0,
    "rejected_top_setting_only": 0,
    "slowest_load_ms": 0.0,
}
TOP_SETTINGS = (
    "id",
    "version",
    "title",
    "purpose",
    "discreet_title",
    "revisable",
    "attribution",
    "section",
    "worksheet",
)


def _toml_string(text: str) -> str:
    out = json.dumps(text, ensure_ascii=False)
    return out.replace("\x7f", "\\u007F")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_string(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return _toml_string(str(value))


def dump_toml(doc: dict[str, Any], prefix: str = "") -> list[str]:
    """A small TOML writer: scalars and inline tables first, then arrays of tables as [[headers]]."""
    lines, tables = [], []
    for key, value in doc.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.append((key, value))
        else:
            lines.append(f"{_toml_string(str(key))} = {_toml_value(value)}")
    for key, items in tables:
        path = f"{prefix}{_toml_string(str(key))}"
        for item in items:
            lines.append(f"[[{path}]]")
            lines += dump_toml(item, path + ".")
    return lines


def _slots(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) in a parsed document, depth first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        out.append((node, key))
        _slots(value, out)
    return out


SCALARS = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.booleans(),
    st.sampled_from(["", "text", "list", "grid", "clinician", "menu", "total", "choice", "x" * 70]),
    st.lists(st.integers(-3, 3), max_size=3),
    st.dictionaries(st.sampled_from(["en", "es", "fr", ""]), st.text(max_size=10), max_size=3),
)


@st.composite
def structural(draw: Any) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SOURCES)))
    doc = tomllib.loads(SOURCES[name])
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(doc, [])
        container, key = draw(st.sampled_from(slots))
        op = draw(st.sampled_from(["delete", "replace", "add", "rename", "duplicate"]))
        if op == "delete":
            del container[key]
        elif op == "replace":
            container[key] = draw(SCALARS)
        elif op == "add" and isinstance(container, dict):
            container[draw(st.sampled_from(["lable", "max", "option", "type", "id", "x"]))] = draw(SCALARS)
        elif op == "rename" and isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=8))] = container.pop(key)
        elif op == "duplicate" and isinstance(container, list):
            container.append(json.loads(json.dumps(container[key])))
    return name, "\n".join(dump_toml(doc)).encode("utf-8")


@st.composite
def textual(draw: Any) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SOURCES)))
    data = bytearray(SOURCES[name].encode("utf-8"))
    for _ in range(draw(st.integers(1, 5))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "line", "bytes"]))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 200))]
        elif op == "insert":
            data[pos:pos] = draw(
                st.sampled_from(
                    [
                        '"',
                        "[[section]]\n",
                        "[[section.field]]\n",
                        "=",
                        "\n",
                        '"""',
                        "id = 1\n",
                        "# ",
                        "\\",
                        "}",
                        "\ufeff",
                    ]
                )
            ).encode()
        elif op == "truncate":
            del data[pos:]
        elif op == "line":
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines[i])
            data = bytearray(b"\n".join(lines))
        else:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=20))
    return name, bytes(data)


def _check(path: Path) -> None:
    started = time.perf_counter()
    try:
        form = load_definition(path)
    except FormDefinitionError as exc:
        elapsed = time.perf_counter() - started
        assert exc.file == path
        assert path.name in str(exc)
        # Where to look: a line, a field, or (for the worksheet's own settings) the setting by name.
        names_setting = any(re.search(rf"\b{k}\b", exc.message) for k in TOP_SETTINGS) or (
            exc.message.startswith("unknown setting '")
        )
        assert exc.message and (exc.line is not None or exc.field or names_setting), str(exc)
        STATS["rejected_top_setting_only"] += exc.line is None and not exc.field
        STATS["rejected"] += 1
        STATS["rejected_with_field"] += bool(exc.field)
        STATS["rejected_with_line"] += exc.line is not None
    else:
        elapsed = time.perf_counter() - started
        assert isinstance(form, FormDefinition)
        assert render_blank(form)[:5] == b"%PDF-"  # an accepted definition also prints
        STATS["accepted"] += 1
    STATS["examples"] += 1
    STATS["slowest_load_ms"] = max(STATS["slowest_load_ms"], round(elapsed * 1000, 1))
    # A hang guard, not a speed figure (those live in bench/): generous so a loaded machine never flakes.
    assert elapsed < 10.0, f"loading took {elapsed:.2f} s"


def test_mutated_definitions_load_or_fail_with_a_named_error(rel: Any) -> None:
    examples = rel.count("definition_fuzz")
    folder = Path(tempfile.mkdtemp(prefix="ihrp-defs-"))
    counter = iter(range(10**9))

    @settings(
        max_examples=examples,
        deadline=None,  # the hang guard above decides; Hypothesis' own timer flaked under load
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(structural(), textual()))
    def check(case: tuple[str, bytes]) -> None:
        name, data = case
        path = folder / f"mutant_{next(counter)}_{name}"
        path.write_bytes(data)
        try:
            _check(path)
        finally:
            path.unlink()

    for key in STATS:
        STATS[key] = 0
    import hypothesis

    try:
        hypothesis.seed(rel.seed)(check)()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rel.figures(**STATS)
    assert STATS["examples"] >= examples * 0.9  # hypothesis ran (nearly) all of them
