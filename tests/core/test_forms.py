"""The shipped worksheet definitions, and how bad definitions are reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.forms import (
    Field,
    FormDefinition,
    FormDefinitionError,
    Text,
    load_definition,
    load_library,
    parse_definition,
)
from ihrp_desktop.core.paths import forms_dir, user_forms_dir

SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)


@pytest.fixture(scope="module")
def shipped() -> dict[str, FormDefinition]:
    library = load_library(forms_dir())
    assert library.errors == []
    return library.forms


# -- walking every text of a definition -----------------------------------------------------------


def _field_texts(fld: Field, where: str) -> Iterator[tuple[str, Text, bool]]:
    """(where, text, client-visible) for one field and everything inside it."""
    visible = not fld.is_clinician
    if fld.type != "guidance" or fld.label.get():
        yield f"{where}.label", fld.label, visible
    for name in ("guidance", "placeholder", "unit", "low", "high", "text", "row_label"):
        text = getattr(fld, name)
        if text is not None:
            yield f"{where}.{name}", text, visible
    for opt in fld.options:
        yield f"{where}.option.{opt.id}", opt.label, visible
    for row in fld.rows:
        yield f"{where}.row.{row.id}", row.label, visible
        if row.group is not None:
            yield f"{where}.row.{row.id}.group", row.group, visible
    for col in fld.columns:
        for place, text, _ in _field_texts(col, f"{where}.{col.id}"):
            yield place, text, visible


def all_texts(form: FormDefinition) -> Iterator[tuple[str, Text, bool]]:
    yield "title", form.title, True
    for name in ("purpose", "attribution"):
        text = getattr(form, name)
        if text is not None:
            yield name, text, True
    for section in form.sections:
        shared = not section.is_clinician
        yield f"{section.id}.title", section.title, shared
        if section.guidance is not None:
            yield f"{section.id}.guidance", section.guidance, shared
        for fld in section.fields:
            for place, text, visible in _field_texts(fld, fld.id):
                yield place, text, shared and visible


# -- the shipped worksheets -----------------------------------------------------------------------


def test_every_shipped_form_loads(shipped: dict[str, FormDefinition]) -> None:
    assert sorted(shipped) == sorted(SHIPPED)
    # Raised when a definition changed after worksheets were saved with it (docs/forms.md, "Versions").
    raised = {"alternatives": 2, "optimal_use_plan": 2}
    for form in shipped.values():
        assert form.version == raised.get(form.id, 1)
        assert form.builtin


def test_shipped_order_follows_the_book() -> None:
    assert [f.id for f in load_library(forms_dir()).ordered()] == list(SHIPPED)


@pytest.mark.parametrize("form_id", SHIPPED)
def test_every_text_has_english_and_spanish(shipped: dict[str, FormDefinition], form_id: str) -> None:
    missing = [
        f"{place} ({lang})"
        for place, text, _ in all_texts(shipped[form_id])
        for lang in ("en", "es")
        if not text.by_language.get(lang, "").strip()
    ]
    assert missing == []


@pytest.mark.parametrize("form_id", SHIPPED)
def test_spanish_is_not_a_copy_of_english(shipped: dict[str, FormDefinition], form_id: str) -> None:
    # A few words are the same in both languages ("No", "Total"...); whole sentences are not.
    copied = [
        place
        for place, text, _ in all_texts(shipped[form_id])
        if len(text.get("en")) > 12 and text.get("en") == text.get("es")
    ]
    assert copied == []


@pytest.mark.parametrize("form_id", SHIPPED)
def test_ends_with_a_clinician_note(shipped: dict[str, FormDefinition], form_id: str) -> None:
    form = shipped[form_id]
    last_section = form.sections[-1]
    last_field = last_section.fields[-1]
    assert last_section.is_clinician
    assert last_field.id == "clinician_note" and last_field.type == "multiline"
    assert form.is_clinician_field("clinician_note")
    # Everything before the clinician section is for both to see.
    for section in form.sections[:-1]:
        assert not section.is_clinician
        assert not any(f.is_clinician for f in section.fields)


ENGLISH_NEVER = re.compile(
    r"\b(addict\w*|junkies?|alcoholics?|abus\w*|misus\w*|clean\w*|relaps\w*|dirty|"
    r"non-?complian\w*|should|must)\b",
    re.IGNORECASE,
)
SPANISH_NEVER = re.compile(
    r"\b(adict[oa]s?|drogadict[oa]s?|alcoh[oó]lic[oa]s?|abus\w*|reca[ií]das?|limpi[oa]s?|"
    r"suci[oa]s?|debes?|deber[ií]as?)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("form_id", SHIPPED)
def test_client_visible_text_uses_no_stigmatizing_words(
    shipped: dict[str, FormDefinition], form_id: str
) -> None:
    found = []
    for place, text, visible in all_texts(shipped[form_id]):
        if not visible:
            continue
        for lang, pattern in (("en", ENGLISH_NEVER), ("es", SPANISH_NEVER)):
            match = pattern.search(text.get(lang))
            if match:
                found.append(f"{place} ({lang}): {match.group(0)}")
    assert found == []


def test_the_word_lists_catch_what_they_should_catch() -> None:
    for phrase in ("Addicts", "stay clean", "a relapse", "you must", "You SHOULD", "misuse", "abuser"):
        assert ENGLISH_NEVER.search(phrase), phrase
    for phrase in ("adicto", "Alcohólica", "recaída", "limpio", "debes", "Debe", "abuso", "deberías"):
        assert SPANISH_NEVER.search(phrase), phrase
    for phrase in ("person who uses drugs", "a plan to test", "Mustang"):
        assert not ENGLISH_NEVER.search(phrase), phrase
    assert not SPANISH_NEVER.search("persona que usa drogas, debate")


def test_field_ids_are_unique_across_each_worksheet(shipped: dict[str, FormDefinition]) -> None:
    for form in shipped.values():
        ids = [fld.id for _, fld in form.all_fields()]
        assert len(ids) == len(set(ids)), form.id


def test_decisional_balance_grid(shipped: dict[str, FormDefinition]) -> None:
    form = shipped["decisional_balance"]
    grid = next(s for s in form.sections if s.layout == "grid")
    lists = [f for f in grid.fields if f.type == "list"]
    assert [f.id for f in lists] == ["keep_benefits", "keep_costs", "change_benefits", "change_costs"]
    for box in lists:
        weight = box.column("weight")
        assert (weight.type, weight.min, weight.max) == ("scale", 1, 10)
        assert {o.id for o in box.column("term").options} == {"short", "long"}
    totals = {str(f.total_of) for f in grid.fields if f.type == "total"}
    assert totals == {f"{box.id}.weight" for box in lists}


@pytest.mark.parametrize("form_id", ["decisional_balance"])
def test_rulers_ask_why_not_lower_and_what_moves_it_up(
    shipped: dict[str, FormDefinition], form_id: str
) -> None:
    form = shipped[form_id]
    for ruler in ("importance", "confidence", "readiness"):
        scale = form.field(ruler)
        assert (scale.type, scale.min, scale.max) == ("scale", 0, 10)
        assert scale.low is not None and scale.high is not None
        assert "lower" in form.field(f"{ruler}_why").label.get()
        assert "one point up" in form.field(f"{ruler}_up").label.get()
    for place, text, visible in all_texts(form):  # the clinician's own note may name the pitfall
        if visible:
            assert not re.search(r"why not (a )?10", text.get(), re.IGNORECASE), place


def test_microanalysis_chain_and_choices(shipped: dict[str, FormDefinition]) -> None:
    form = shipped["microanalysis"]
    chain = form.field("chain")
    assert [c.id for c in chain.columns] == [
        "event",
        "thoughts",
        "feelings",
        "feeling_intensity",
        "body",
        "urge",
        "options",
        "action",
    ]
    assert form.field("vulnerabilities").other and len(form.field("vulnerabilities").options) == 10
    assert form.field("function").other and len(form.field("function").options) == 11


def test_eighteen_alternatives(shipped: dict[str, FormDefinition]) -> None:
    form = shipped["alternatives"]
    menu = form.field("alternatives")
    assert menu.type == "menu"
    assert len(menu.rows) == 22  # this program's adapted menu: the first 18 and four health-care options
    groups = list(dict.fromkeys(str(row.group) for row in menu.rows))
    assert len(groups) == 9
    assert [o.id for o in menu.column("status").options] == [
        "not_now",
        "considering",
        "will_try",
        "already_doing",
        "not_for_me",
    ]
    assert [c.id for c in menu.columns] == ["status", "my_version", "start", "notes"]
    assert form.field("other").type == "list"
    assert form.attribution is not None and "not tatarsky's own list" in form.attribution.get().lower()


def test_optimal_use_plan(shipped: dict[str, FormDefinition]) -> None:
    form = shipped["optimal_use_plan"]
    assert form.revisable and form.discreet_title == "plan"
    for fid in (
        "substance",
        "limits",
        "use_free_days",
        "never",
        "naloxone_have",
        "naloxone_where",
        "naloxone_who",
        "test_strips",
        "checkin_person",
        "checkin_number",
        "tolerance_plan",
        "combinations_avoid",
        "emergency_number",
        "high_risk",
        "warning_signs",
        "if_i_go_over",
        "experiment_start",
        "experiment_review",
        "review_results",
        "review_change",
    ):
        form.field(fid)
    # The safety steps are data in forms/safety/safety.toml, chosen by these answers.
    assert form.safety is not None and form.safety.substances == ("substance", "used_with")
    assert form.safety.routes == ("current_route", "ideal_route") and form.safety.after == "safety"
    assert form.safety.next_appointment == "experiment_review"
    assert form.field("checkup").type == "checkbox"  # the medical check-up prompt
    # The plan and the 18 Alternatives are revised into new versions.
    revisable = [f.id for f in load_library(forms_dir()).forms.values() if f.revisable]
    assert revisable == ["alternatives", "optimal_use_plan"]


# -- bad definitions ------------------------------------------------------------------------------

HEAD = """id = "mine"
version = 1
title = { en = "Mine", es = "Mío" }

[[section]]
id = "one"
title = { en = "One" }
"""

TEXT_FIELD = """
  [[section.field]]
  id = "{id}"
  type = "text"
  label = {{ en = "A label" }}
"""


def _list_field(fid: str) -> str:
    return f"""
  [[section.field]]
  id = "{fid}"
  type = "list"
  label = "Box"

    [[section.field.column]]
    id = "item"
    type = "text"
    label = "Item"
"""


def _card(table: str) -> str:
    """HEAD with a ``[pocket_card]`` table before its first section."""
    return HEAD.replace("[[section]]", f"[pocket_card]\n{table}\n\n[[section]]", 1)


def write(tmp_path: Path, text: str | bytes, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


BAD = {
    "invalid TOML": (HEAD + '\n  [[section.field]]\n  id = "a"\n  type = "text\n', "a", 'type = "text'),
    "unknown type": (
        HEAD + '\n  [[section.field]]\n  id = "colour"\n  type = "color"\n  label = "C"\n',
        "colour",
        'type = "color"',
    ),
    "duplicate id": (
        HEAD + TEXT_FIELD.format(id="same") + TEXT_FIELD.format(id="same"),
        "same",
        ('id = "same"', 2),
    ),
    "missing English label": (
        HEAD + '\n  [[section.field]]\n  id = "spanish_only"\n  type = "text"\n'
        '  label = { es = "Sólo español" }\n',
        "spanish_only",
        "label =",
    ),
    "bad total_of": (
        HEAD + _list_field("box") + '\n  [[section.field]]\n  id = "sum"\n  type = "total"\n'
        '  label = "Sum"\n  total_of = "box.item"\n',
        "sum",
        "total_of",
    ),
    "total_of without a list": (
        HEAD + '\n  [[section.field]]\n  id = "sum"\n  type = "total"\n'
        '  label = "Sum"\n  total_of = "nowhere.weight"\n',
        "sum",
        "total_of",
    ),
    "unknown key": (
        HEAD + '\n  [[section.field]]\n  id = "typo"\n  type = "text"\n  lable = "Oops"\n',
        "typo",
        "lable",
    ),
    "key of another type": (
        HEAD + '\n  [[section.field]]\n  id = "name"\n  type = "text"\n  label = "N"\n  max = 3\n',
        "name",
        "max = 3",
    ),
    "unknown column type": (
        HEAD + '\n  [[section.field]]\n  id = "rows"\n  type = "list"\n  label = "R"\n'
        '    [[section.field.column]]\n    id = "sum"\n    type = "total"\n'
        '    label = "S"\n    total_of = "rows.sum"\n',
        "rows.sum",
        'type = "total"',
    ),
    "bad id": (
        HEAD + '\n  [[section.field]]\n  id = "Not An Id"\n  type = "text"\n  label = "X"\n',
        None,
        'id = "Not An Id"',
    ),
    "not_marked that is not true or false": (
        HEAD + '\n  [[section.field]]\n  id = "status"\n  type = "choice"\n  label = "S"\n'
        '    [[section.field.option]]\n    id = "not_now"\n    label = "Not now"\n    not_marked = "yes"\n',
        "status",
        "not_marked =",
    ),
    "left_off that is not true or false": (
        HEAD + '\n  [[section.field]]\n  id = "status"\n  type = "choice"\n  label = "S"\n'
        '    [[section.field.option]]\n    id = "not_for_me"\n    label = "N"\n    left_off = 1\n',
        "status",
        "left_off =",
    ),
    "menu row caution that is not a text": (
        HEAD + '\n  [[section.field]]\n  id = "menu"\n  type = "menu"\n  label = "M"\n'
        '    [[section.field.row]]\n    id = "stop"\n    label = "Stop"\n    caution = 3\n'
        '    [[section.field.column]]\n    id = "status"\n    type = "text"\n    label = "S"\n',
        "menu",
        "caution =",
    ),
    "pocket card naming no field": (
        _card('front = ["nowhere"]') + TEXT_FIELD.format(id="name"),
        "nowhere",
        "front =",
    ),
    "pocket card list that is not a list": (
        _card('front_lists = ["name"]') + TEXT_FIELD.format(id="name"),
        "name",
        "front_lists =",
    ),
    "pocket card short label without English": (
        _card('front = ["name"]\nshort_labels = { name = { es = "Nombre" } }') + TEXT_FIELD.format(id="name"),
        "name",
        "short_labels =",
    ),
    "pocket card bare list not on the front": (
        _card('back_lists = ["helpers"]\nbare_lists = ["helpers"]')
        + '\n  [[section.field]]\n  id = "helpers"\n  type = "list"\n  label = "H"\n'
        '    [[section.field.column]]\n    id = "name"\n    type = "text"\n    label = "N"\n',
        "helpers",
        "bare_lists =",
    ),
    "infinite max": (
        HEAD + '\n  [[section.field]]\n  id = "scale"\n  type = "scale"\n  label = "S"\n  max = inf\n',
        "scale",
        "max = inf",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_definition_names_file_field_and_line(tmp_path: Path, case: str) -> None:
    text, field, needle = BAD[case]
    path = write(tmp_path, text)
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(path)
    error = caught.value
    assert error.file == path
    assert error.field == field
    expected_line = line_of(text, *needle) if isinstance(needle, tuple) else line_of(text, needle)
    assert error.line == expected_line, str(error)
    assert "mine.toml" in str(error) and f"line {expected_line}" in str(error)
    if field:
        assert f"field '{field}'" in str(error)


def test_grid_without_four_lists(tmp_path: Path) -> None:
    text = HEAD.replace('id = "one"', 'id = "boxes"\nlayout = "grid"') + "".join(
        _list_field(f"box{n}") for n in range(3)
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert "boxes" in caught.value.message and "four" in caught.value.message
    assert caught.value.line == line_of(text, 'layout = "grid"')


def test_grid_with_a_stray_field(tmp_path: Path) -> None:
    text = (
        HEAD.replace('id = "one"', 'id = "boxes"\nlayout = "grid"')
        + "".join(_list_field(f"box{n}") for n in range(4))
        + TEXT_FIELD.format(id="stray")
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert caught.value.field == "stray"


def test_non_utf8_file(tmp_path: Path) -> None:
    text = HEAD + TEXT_FIELD.format(id="name")
    raw = text.encode("utf-8").replace(b"A label", "Étiquette".encode("latin-1"))
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, raw))
    assert caught.value.line == line_of(text, "A label")
    assert "UTF-8" in str(caught.value)


def test_utf8_with_byte_order_mark_loads(tmp_path: Path) -> None:
    text = HEAD + TEXT_FIELD.format(id="name")
    form = load_definition(write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert form.field("name").label.get() == "A label"


def test_single_language_text_is_english(tmp_path: Path) -> None:
    form = load_definition(
        write(tmp_path, HEAD + '\n  [[section.field]]\n  id = "n"\n  type = "text"\n  label = "Name"\n')
    )
    assert form.field("n").label.get("es") == "Name"  # falls back to English


def test_inline_tables_still_get_a_line(tmp_path: Path) -> None:
    text = HEAD + (
        '\n  [[section.field]]\n  id = "pick"\n  type = "choice"\n  label = "P"\n'
        '  option = [{ id = "a", label = "A" }, { id = "a", label = "B" }]\n'
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert caught.value.field == "pick"
    assert caught.value.line == line_of(text, "option = [")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(tmp_path / "gone.toml")
    assert caught.value.file.name == "gone.toml"


# -- the user's own folder ------------------------------------------------------------------------


def test_broken_user_file_is_reported_and_shipped_forms_still_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "clinic forms"
    folder.mkdir()
    monkeypatch.setenv("IHRP_FORMS_DIR", str(folder))
    write(folder, HEAD + TEXT_FIELD.format(id="fine"), "20_our_intake.toml")
    broken_text = (
        HEAD.replace('"mine"', '"broken"') + '\n  [[section.field]]\n  id = "x"\n  type = "colour"\n'
    )
    write(folder, broken_text, "10_broken.toml")
    write(folder, HEAD.replace('"mine"', '"microanalysis"') + TEXT_FIELD.format(id="a"), "30_clash.toml")
    write(folder, b"\x00\x05\x00binary", "._20_our_intake.toml")  # macOS resource fork: ignored
    library = load_library(forms_dir(), user_forms_dir())
    assert set(library.forms) == {*SHIPPED, "mine"}
    assert not library.forms["mine"].builtin
    assert library.forms["microanalysis"].builtin  # the shipped one stays
    assert [e.file.name for e in library.errors] == ["10_broken.toml", "30_clash.toml"]
    broken, clash = library.errors
    assert broken.field == "x" and broken.line == line_of(broken_text, "colour")
    assert "already used" in clash.message and clash.line == 1
    assert [f.id for f in library.ordered()][-1] == "mine"


def test_missing_user_folder_is_fine(tmp_path: Path) -> None:
    library = load_library(forms_dir(), tmp_path / "nothing here")
    assert set(library.forms) == set(SHIPPED) and library.errors == []


# -- robustness: any edit of a definition fails only with FormDefinitionError ---------------------

_SHIPPED_TEXTS = sorted(p.read_text(encoding="utf-8") for p in forms_dir().glob("*.toml"))
_VALUES = [
    '"x"',
    '""',
    '"list"',
    '"menu"',
    '"total"',
    '"guidance"',
    '"grid"',
    '"clinician"',
    '"a.b"',
    '"keep_benefits.item"',
    '"chain.urge"',
    "0",
    "-1",
    "1",
    "11",
    "1.5",
    "inf",
    "-inf",
    "nan",
    "true",
    "[]",
    "[1]",
    '[{ id = "a" }]',
    "{}",
    '{ en = "" }',
    '{ es = "solo" }',
    "{ en = 1 }",
    '{ "e n" = "x" }',
    "1979-05-27",
    "12:30:00",
    '"Ünïcødé ✓ Zofia Дмитрий"',
    '"' + "x" * 300 + '"',
]


@st.composite
def mutated_definitions(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(_SHIPPED_TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["value", "key", "drop", "dup", "swap", "chars"]))
        line = lines[at]
        if kind == "value" and "=" in line:
            key = line.split("=", 1)[0]
            lines[at] = f"{key}= {draw(st.sampled_from(_VALUES))}"
        elif kind == "key" and "=" in line:
            lines[at] = draw(
                st.sampled_from(["id", "type", "label", "layout", "total_of", "min", "bogus"])
            ) + (" =" + line.split("=", 1)[1])
        elif kind == "drop":
            del lines[at]
        elif kind == "dup":
            lines.insert(at, line)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            pos = draw(st.integers(0, len(line)))
            lines[at] = line[:pos] + draw(st.text(max_size=5)) + line[pos + draw(st.integers(0, 3)) :]
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_definitions())
def test_mutated_definitions_fail_only_with_form_definition_error(text: str) -> None:
    try:
        form = parse_definition(text, Path("mutated.toml"))
    except FormDefinitionError as error:
        assert error.file.name == "mutated.toml"
        assert error.line is None or 1 <= error.line <= text.count("\n") + 1
        assert str(error)
    else:
        assert form.sections


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_fail_only_with_form_definition_error(raw: bytes) -> None:
    from tempfile import TemporaryDirectory

    with TemporaryDirectory() as folder:
        path = Path(folder) / "random.toml"
        path.write_bytes(raw)
        try:
            load_definition(path)
        except FormDefinitionError as error:
            assert error.file == path


def test_demo_answers_use_no_stigmatizing_words() -> None:
    import json

    from ihrp_desktop.core.demo import DEMO_CLIENTS

    for client in DEMO_CLIENTS:
        for session in client.sessions:
            for sheet in session.worksheets:
                text = json.dumps(sheet.values, ensure_ascii=False) + " " + session.note
                pattern = SPANISH_NEVER if client.language == "es" else ENGLISH_NEVER
                assert not pattern.search(text), (sheet.key, pattern.search(text))


def test_the_example_in_the_docs_loads() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "forms.md").read_text(encoding="utf-8")
    example = doc.split("## A short complete example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    form = parse_definition(example, Path("weekly_check_in.toml"))
    assert form.id == "weekly_check_in"
    assert str(form.field("urge_total").total_of) == "moments.urge"
    assert form.is_clinician_field("clinician_note")


def test_the_pocket_card_and_not_marked_are_data(tmp_path: Path) -> None:
    """What the wallet card holds and which menu status means "not chosen" come from the definition."""
    plan = load_library(forms_dir()).get("optimal_use_plan")
    assert plan.pocket_card is not None
    assert plan.pocket_card.front_lists == ("limits", "never")
    assert plan.pocket_card.joined == {"checkin_person": "checkin_number"}
    status = load_library(forms_dir()).get("alternatives").field("alternatives").column("status")
    assert [o.id for o in status.options if o.not_marked] == ["not_now", "not_for_me"]
    assert [o.id for o in status.options if o.left_off] == ["not_for_me"]
    own = load_definition(write(tmp_path, _card('front = ["name"]') + TEXT_FIELD.format(id="name")))
    assert own.pocket_card is not None and own.pocket_card.front == ("name",)
    plain = load_definition(write(tmp_path, HEAD + TEXT_FIELD.format(id="name"), "plain.toml"))
    assert plain.pocket_card is None


def test_beside_previous_needs_a_previous_section(tmp_path: Path) -> None:
    """``beside_previous`` (a blank copy sets the section beside the one before) on the first section."""
    text = HEAD.replace('id = "one"', 'id = "one"\nbeside_previous = true') + TEXT_FIELD.format(id="a")
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert "beside_previous" in caught.value.message and "previous section" in caught.value.message


def test_the_optimal_use_plan_sets_my_optimal_use_beside_how_it_goes_now(
    shipped: dict[str, FormDefinition],
) -> None:
    sections = {s.id: s for s in shipped["optimal_use_plan"].sections}
    assert sections["ideal"].beside_previous and not sections["current"].beside_previous


def test_beside_previous_refuses_a_grid(tmp_path: Path) -> None:
    grid = HEAD.replace('id = "one"', 'id = "boxes"\nlayout = "grid"') + "".join(
        _list_field(f"box{n}") for n in range(4)
    )
    second = '\n[[section]]\nid = "two"\ntitle = { en = "Two" }\nbeside_previous = true\n'
    text = grid + second + TEXT_FIELD.format(id="a")
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert "grid" in caught.value.message and caught.value.line == line_of(text, "beside_previous = true")


@pytest.mark.parametrize(
    ("table", "written"),
    [("pocket_card", 'pocket_card = { front_lists = 0 }'), ("safety", 'safety = { substances = 0 }')],
)
def test_an_error_inside_an_inline_table_names_its_line(tmp_path: Path, table: str, written: str) -> None:
    """Found by the definition fuzz: ``pocket_card = { front_lists = 0 }`` gave an error with no line."""
    text = HEAD.replace("[[section]]", f"{written}\n\n[[section]]") + TEXT_FIELD.format(id="a")
    with pytest.raises(FormDefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert caught.value.line == line_of(text, written), str(caught.value)


def test_chart_only_on_one_number_per_worksheet(tmp_path: Path, shipped: dict[str, FormDefinition]) -> None:
    """``chart = true`` marks a scale, number or score for the progress charts; on a text field or on a
    list's column (many answers per worksheet) it stops the file, naming the field and the line."""
    ruler = '\n  [[section.field]]\n  id = "ready"\n  type = "scale"\n  label = "R"\n  chart = true\n'
    assert load_definition(write(tmp_path, HEAD + ruler)).field("ready").chart
    on_text = HEAD + '\n  [[section.field]]\n  id = "name"\n  type = "text"\n  label = "N"\n  chart = true\n'
    on_column = HEAD + ('\n  [[section.field]]\n  id = "rows"\n  type = "list"\n  label = "R"\n'
                        '    [[section.field.column]]\n    id = "weight"\n    type = "scale"\n'
                        '    label = "W"\n    chart = true\n')
    for text, field in ((on_text, "name"), (on_column, "rows.weight")):
        with pytest.raises(FormDefinitionError) as caught:
            load_definition(write(tmp_path, text, "bad.toml"))
        assert caught.value.field == field and caught.value.line == line_of(text, "chart = true")
    charted = {f"{form_id}.{fld.id}" for form_id, form in shipped.items()
               for _, fld in form.all_fields() if fld.chart}
    assert {"decisional_balance.importance", "decisional_balance.confidence", "decisional_balance.readiness",
            "session_check_in.listened", "optimal_use_plan.current_days", "audit.audit_score",
            "audit_c.audit_c_score"} <= charted
