"""Blank, take-home and clinician copies of the shipped worksheets: what each must and must not hold."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ihrp_desktop.core.forms import Field, FormDefinition, Text
from ihrp_desktop.core.pdf import render_blank
from ihrp_desktop.core.pdf.fields import unit_suffix

SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)


def _t(text: Text | None, language: str, blank: bool = False) -> str:
    """The text as printed: on a blank, its blank form (``blank = ...`` in the definition)."""
    if text is None:
        return ""
    return text.get_blank(language) if blank else text.get(language)


def field_labels(fld: Field, language: str, blank: bool = False) -> list[str]:
    """Every printed word a field brings: label, prompt, end labels, unit, options, rows, columns."""
    out = [
        _t(fld.label, language, blank),
        _t(fld.guidance, language, blank),
        _t(fld.text, language, blank),
        _t(fld.low, language, blank),
        _t(fld.high, language, blank),
        unit_suffix(fld, language).strip(" ()"),
    ]
    out += [_t(option.label, language, blank) for option in fld.options if option.on_blank or not blank]
    for row in fld.rows:
        out += [_t(row.label, language, blank), _t(row.group, language, blank)]
    for column in fld.columns:
        if column.on_blank or not blank:  # a column or option marked on_blank = false: not on paper
            out += field_labels(column, language, blank)
    return out


def form_labels(form: FormDefinition, language: str) -> list[str]:
    """Every label, prompt and heading of a worksheet that a blank prints (not the clinician's, not
    a field marked ``on_blank = false``), in ``language``."""
    out = [_t(form.title, language), _t(form.purpose, language), _t(form.attribution, language)]
    for section in form.sections:
        if section.is_clinician:
            continue
        out += [_t(section.title, language, True), _t(section.guidance, language, True)]
        for fld in section.fields:
            if not fld.is_clinician and fld.on_blank:
                labels = field_labels(fld, language, blank=True)
                if form.pocket_card is not None and fld.id in form.pocket_card.bare_lists:
                    # a bare list prints under its heading, its column's label as no lead (lists.bullet_lead)
                    leads = {_t(column.label, language) for column in fld.columns}
                    labels = [label for label in labels if label not in leads]
                out += labels
    return [text for text in dict.fromkeys(out) if text.strip()]


def clinician_fields(form: FormDefinition) -> list[Field]:
    return [f for s, f in form.all_fields() if s.is_clinician or f.is_clinician]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", SHIPPED)
def test_blank_copy_shows_every_label(kit: SimpleNamespace, form_id: str, language: str) -> None:
    form = kit.shipped_form(form_id)
    text = kit.squash(kit.pdf_text(kit.blank_copy(form_id, language)))
    missing = [label for label in form_labels(form, language) if kit.squash(label) not in text]
    assert not missing


@pytest.mark.parametrize("language", ["en", "es"])
def test_blank_synthetic_worksheet_shows_every_label(
    kit: SimpleNamespace, synthetic: FormDefinition, language: str
) -> None:
    text = kit.squash(kit.pdf_text(render_blank(synthetic, language)))
    missing = [label for label in form_labels(synthetic, language) if kit.squash(label) not in text]
    assert not missing


@pytest.mark.parametrize("form_id", SHIPPED)
def test_clinician_copy_shows_every_value(kit: SimpleNamespace, form_id: str) -> None:
    _, expected = kit.every_value(kit.shipped_form(form_id))
    text = kit.squash(kit.pdf_text(kit.filled_copy(form_id, "clinician")))
    missing = {
        fid: shown for fid, texts in expected.items() for shown in texts if kit.squash(shown) not in text
    }
    assert not missing
    assert "Cliniciancopy-confidential" in text


@pytest.mark.parametrize("form_id", SHIPPED)
def test_take_home_shows_every_shared_value_and_nothing_clinical(kit: SimpleNamespace, form_id: str) -> None:
    form = kit.shipped_form(form_id)
    _, expected = kit.every_value(form)
    text = kit.squash(kit.pdf_text(kit.filled_copy(form_id, "take-home")))
    clinical = {f.id for f in clinician_fields(form)}
    assert clinical, "every worksheet has a clinician notes field"
    missing = {
        fid: shown
        for fid, texts in expected.items()
        if fid not in clinical
        for shown in texts
        if kit.squash(shown) not in text
    }
    assert not missing
    for fld in clinician_fields(form):
        for label in field_labels(fld, "en"):
            if label.strip():
                assert kit.squash(label) not in text, label
        for shown in expected.get(fld.id, []):
            assert kit.squash(shown) not in text, shown
    for section in form.sections:
        if section.is_clinician:
            assert kit.squash(section.title.get()) not in text
    assert "Clinician" not in text and "confidential" not in text


def test_clinician_guidance_only_on_the_clinician_copy(kit: SimpleNamespace) -> None:
    stance = kit.shipped_form("decisional_balance").field("clinician_stance").text.get()
    snippet = kit.squash(stance[:60])
    assert snippet in kit.squash(kit.pdf_text(kit.filled_copy("decisional_balance", "clinician")))
    assert snippet not in kit.squash(kit.pdf_text(kit.filled_copy("decisional_balance", "take-home")))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", SHIPPED)
def test_blank_holds_nothing_for_the_clinician(kit: SimpleNamespace, form_id: str, language: str) -> None:
    """A blank is for paper use with the client: no field or section marked audience = "clinician"
    (the decisional balance's stance note, the microanalysis's risk notes)."""
    form = kit.shipped_form(form_id)
    text = kit.squash(kit.pdf_text(kit.blank_copy(form_id, language)))
    shared = set(form_labels(form, language))
    for fld in clinician_fields(form):
        for label in field_labels(fld, language):
            if label.strip() and label not in shared:
                assert kit.squash(label) not in text, label
    for section in form.sections:
        if section.is_clinician:
            assert kit.squash(section.title.get(language)) not in text
    stance = kit.shipped_form("decisional_balance").field("clinician_stance").text.get(language)
    blank = kit.squash(kit.pdf_text(kit.blank_copy("decisional_balance", language)))
    assert kit.squash(stance[:40]) not in blank


def test_spanish_copy_speaks_spanish(kit: SimpleNamespace) -> None:
    text = kit.pdf_text(kit.filled_copy("optimal_use_plan", "clinician", "es"))
    assert "Copia clínica - confidencial" in text
    assert "Página 1 de" in text
    assert "Plan de uso óptimo" in text
    assert "5 de marzo de 2025" in text
    assert "Borrador" in text and "Juntos" in text


def test_grid_boxes_print_their_totals(kit: SimpleNamespace) -> None:
    # every_value gives each box two rows weighing 9: each total is 18.
    text = kit.squash(kit.pdf_text(kit.filled_copy("decisional_balance", "take-home")))
    assert text.count("Totalweight:18") == 4


def test_marked_alternatives_stand_out(kit: SimpleNamespace) -> None:
    """Options the client marked print in bold; the others quietly in the regular face."""
    form = kit.shipped_form("alternatives")
    values = {
        "alternatives": {
            "limit_per_occasion": {"status": "will_try", "my_version": "3 drinks max"},
            "not_alone": {"status": "not_now"},
            "naloxone": {"status": "", "my_version": "Carry it in my bag"},
        }
    }
    from ihrp_desktop.core.pdf import PrintOptions, render_worksheet

    data = render_worksheet(form, values, kit.HEADER, PrintOptions())
    fonts = _fonts_of(data)
    menu = form.field("alternatives")
    # Each option prints with the number the editor shows beside it (a long one wraps: its first line).
    label = {row.id: f"{n}. {row.label.get()}" for n, row in enumerate(menu.rows, start=1)}

    def font(row_id: str) -> str:
        return next(f for text, f in fonts.items() if label[row_id].startswith(text) and len(text) > 10)

    assert "Bold" in font("limit_per_occasion")
    assert "Bold" in font("naloxone")
    assert "Bold" not in font("not_alone")


def _fonts_of(data: bytes) -> dict[str, str]:
    """Each shown text run and the font it is drawn in."""
    import io

    from pypdf import PdfReader

    fonts: dict[str, str] = {}
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
            if text.strip() and isinstance(font, dict):
                fonts.setdefault(text.strip(), str(font.get("/BaseFont", "")))

        page.extract_text(visitor_text=visit)
    return fonts
