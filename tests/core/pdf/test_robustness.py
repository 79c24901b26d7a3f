"""Any text a person types prints, literally and whole: Unicode, markup-like text, huge lists and
answers, values an older definition allowed."""

from __future__ import annotations

from types import SimpleNamespace

from pypdf import PdfReader

from ihrp_desktop.core.forms import FormDefinition
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_blank, render_worksheet

POLISH = "Zażółć gęślą jaźń"
RUSSIAN = "Съешь же ещё этих мягких французских булок"
SPANISH = "¿Qué pasó? Señales de niñez, acción, pingüino, ÁÉÍÓÚ"
MARKUP = "<b>& </para>"


def pages(data: bytes) -> int:
    import io

    return len(PdfReader(io.BytesIO(data)).pages)


def test_unicode_prints_and_extracts(kit: SimpleNamespace, synthetic: FormDefinition) -> None:
    values = {
        "substance": POLISH,
        "story": f"{RUSSIAN}\n\n{SPANISH}",
        "limits": [{"limit": POLISH}],
        "menu": {"drop_one": {"status": "will_try", "my_version": RUSSIAN}},
        "chain": [{"event": SPANISH, "feelings": RUSSIAN}],
        "keep_benefits": [{"item": POLISH, "weight": 3}],
        "vulnerabilities": {"selected": ["sleep"], "other": RUSSIAN},
    }
    header = PrintHeader(client_name=f"{POLISH} {RUSSIAN}")
    for options in (PrintOptions(), PrintOptions(copy="clinician", language="es")):
        text = kit.squash(kit.pdf_text(render_worksheet(synthetic, values, header, options)))
        for sample in (POLISH, RUSSIAN, SPANISH):
            assert kit.squash(sample) in text


def test_markup_like_text_prints_literally(kit: SimpleNamespace, synthetic: FormDefinition) -> None:
    tricky = [MARKUP, "<font color='red'>x</font>", "a < b && c > d", "&amp; &lt;", "<br/>", "<para>"]
    values = {
        "substance": tricky[0],
        "story": "\n".join(tricky),
        "next_step": tricky[1],
        "limits": [{"limit": tricky[2]}],
        "chain": [{"event": tricky[3], "feelings": tricky[4]}],
        "menu": {"test_it": {"status": "will_try", "my_version": tricky[5]}},
        "keep_benefits": [{"item": MARKUP, "weight": 2}],
        "vulnerabilities": {"selected": [], "other": MARKUP},
    }
    header = PrintHeader(client_name=MARKUP)
    for copy in ("take-home", "clinician"):
        data = render_worksheet(synthetic, values, header, PrintOptions(copy=copy))  # type: ignore[arg-type]
        text = kit.squash(kit.pdf_text(data))
        for sample in tricky:
            assert kit.squash(sample) in text, sample


def test_a_thousand_row_list_flows_across_pages(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("microanalysis")
    rows = [{"moment": f"moment-{i}", "danger": f"danger-{i}", "safer": f"safer-{i}"} for i in range(1000)]
    data = render_worksheet(form, {"risk_moments": rows}, kit.HEADER, PrintOptions(copy="clinician"))
    bands = kit.page_bands(data)
    assert len(bands) > 10
    column = form.field("risk_moments").columns[0].label.get()
    for number, (_, foot, body) in enumerate(bands, start=1):
        assert f"Page {number} of {len(bands)}" in foot
        assert column in body  # the table header repeats on every page
    text = kit.squash(kit.pdf_text(data))
    assert all(f"moment-{i}danger-{i}safer-{i}" in text for i in (0, 1, 500, 998, 999))


def test_a_thousand_links_and_bullets(kit: SimpleNamespace) -> None:
    """Row cards and bullet lists flow too; the grid falls back to one box after another."""
    cases = [
        ("microanalysis", {"chain": [{"event": f"event-{i}", "urge": i % 11} for i in range(1000)]}),
        ("optimal_use_plan", {"limits": [{"limit": f"limit-{i}"} for i in range(1000)]}),
        ("decisional_balance", {"keep_costs": [{"item": f"cost-{i}", "weight": 4} for i in range(300)]}),
    ]
    for form_id, values in cases:
        data = render_worksheet(kit.shipped_form(form_id), values, kit.HEADER, PrintOptions())
        text = kit.squash(kit.pdf_text(data))
        key = next(iter(values.values()))[-1]
        assert any(str(v) in text for v in key.values() if isinstance(v, str)), form_id
        assert pages(data) > 5


def test_a_100_kb_answer_prints_whole(kit: SimpleNamespace) -> None:
    answer = (f"{POLISH}. {RUSSIAN}. {SPANISH}.\n" * 2000)[:100_000]
    form = kit.shipped_form("optimal_use_plan")
    values = {
        "current_context": answer,
        "never": [{"item": "x" * 20_000}],
        "high_risk": [{"situation": "s", "instead": answer[:30_000]}],
    }
    data = render_worksheet(form, values, kit.HEADER, PrintOptions())
    bodies = kit.page_bands(data)
    assert len(bodies) > 20
    text = kit.squash("".join(body for _, _, body in bodies))  # page headers and footers left out
    assert kit.squash(answer) in text
    assert kit.squash(answer[:30_000]) in text and "x" * 20_000 in text


def test_values_an_older_definition_allowed_still_print(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("optimal_use_plan")
    values = {
        "current_days": 12,
        "review_results": "retired_option",
        "experiment_start": "next spring",
        "limits": [{"limit": "two", "old_column": "kept"}],
        "removed_field": "kept too",
    }
    text = kit.pdf_text(render_worksheet(form, values, kit.HEADER, PrintOptions(copy="clinician")))
    assert "12 days a week" in text and "retired_option" in text and "next spring" in text
    assert "From an earlier version of this worksheet" in text and "kept too" in text  # clinician copy only
    take_home = kit.pdf_text(render_worksheet(form, values, kit.HEADER, PrintOptions()))
    assert "kept too" not in take_home


def test_every_copy_of_the_synthetic_worksheet_renders(
    synthetic: FormDefinition, kit: SimpleNamespace
) -> None:
    values, _ = kit.every_value(synthetic)
    for language in ("en", "es"):
        assert render_blank(synthetic, language).startswith(b"%PDF")
        for copy in ("take-home", "clinician", "blank"):
            for discreet in (False, True):
                options = PrintOptions(copy=copy, language=language, discreet=discreet)  # type: ignore[arg-type]
                assert render_worksheet(synthetic, values, kit.HEADER, options).startswith(b"%PDF")
    assert render_worksheet(synthetic, {}, PrintHeader(), PrintOptions()).startswith(
        b"%PDF"
    )  # nothing filled


EMOJI = ("🌱", "❤", "🙂", "🍷", "👍", "→", "☕")


def fonts_used(data: bytes) -> set[str]:
    import io

    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return found


def test_emoji_print_from_the_symbols_face_and_can_be_copied(kit: SimpleNamespace, synthetic: FormDefinition,
                                                             caplog) -> None:
    values = {
        "substance": "Wine 🍷 (mostly ❤️ red)",
        # Long enough for a second page, whose running header carries the name.
        "story": f"I feel 🙂 → calmer; {POLISH} ☕\n\nThumbs up 👍🏽 from Marta\n\n" + SPANISH * 60,
        "limits": [{"limit": "🌱 one a day"}],
        "chain": [{"event": "☕ coffee", "feelings": "🙂"}],
    }
    header = PrintHeader(client_name="Zofia 🌱 Wąsowska")
    for options in (PrintOptions(), PrintOptions(copy="clinician", language="es")):
        data = render_worksheet(synthetic, values, header, options)
        text = kit.pdf_text(data)
        for sample in EMOJI:
            assert sample in text, sample
        assert "Symbola" in fonts_used(data)
        # Every later page's running header shows the name whole, flower included.
        headers = [band[0] for band in kit.page_bands(data)[1:]]
        assert headers and all("Zofia🌱Wąsowska" in kit.squash(head) for head in headers)
    # pypdf complained about ReportLab's own ToUnicode entries for these characters (<1F331>).
    assert not [r for r in caplog.records if "hex string" in r.getMessage()]


def test_text_without_such_characters_leaves_the_symbols_face_out(kit: SimpleNamespace,
                                                                 synthetic: FormDefinition) -> None:
    values = {"substance": POLISH, "story": f"{RUSSIAN}\n{SPANISH}"}
    data = render_worksheet(synthetic, values, PrintHeader(client_name=POLISH), PrintOptions())
    assert "Symbola" not in fonts_used(data)
    assert "NotoSans-Regular" in fonts_used(data)
