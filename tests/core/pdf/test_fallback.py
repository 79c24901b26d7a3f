"""Each character prints from a face that has it: how a run of text is cut between the faces."""

from __future__ import annotations

from ihrp_desktop.core.pdf.fallback import pieces, string_width
from ihrp_desktop.core.pdf.fonts import BOLD, REGULAR, SYMBOLS, register_fonts

register_fonts()


def test_text_the_face_has_is_left_whole() -> None:
    for text in ("plain", "Zażółć gęślą jaźń", "Съешь ещё", "¿Qué pasó? ÁÉÍÓÚ", "", "a\tb"):
        assert pieces(text, REGULAR) is None


def test_emoji_and_arrows_are_cut_out_to_the_symbols_face() -> None:
    assert pieces("a 🌱 b", REGULAR) == [("a ", REGULAR), ("🌱", SYMBOLS), (" b", REGULAR)]
    assert pieces("→🙂🍷", BOLD) == [("→🙂🍷", SYMBOLS)]
    assert pieces("Łucja 👍🏽.", REGULAR) == [("Łucja ", REGULAR), ("👍🏽", SYMBOLS), (".", REGULAR)]


def test_a_variation_selector_is_dropped_and_an_unknown_character_is_a_placeholder() -> None:
    assert pieces("❤️ x", REGULAR) == [("❤", SYMBOLS), (" x", REGULAR)]
    # U+1F972 is newer than the symbols face: it prints as the placeholder (test_unprintable.py).
    assert pieces("a🥲", REGULAR) == [("a", REGULAR), ("□", SYMBOLS)]


def test_widths_add_up_face_by_face() -> None:
    parts = string_width("a", REGULAR, 10) + string_width("🌱", SYMBOLS, 10) + string_width("b", REGULAR, 10)
    assert string_width("a🌱b", REGULAR, 10) == parts
    assert string_width("🌱", REGULAR, 10) > 0


def test_the_header_strip_makes_room_for_a_name_with_emoji(kit) -> None:  # noqa: ANN001 - pytest fixture
    from ihrp_desktop.core.pdf.context import RenderContext
    from ihrp_desktop.core.pdf.story import _facts_strip

    ctx = RenderContext(kit.shipped_form("optimal_use_plan"), {}, "en", "take-home")
    name = "Ana " + "🌱" * 32  # fits beside the date only when each flower is measured in its face
    strip = _facts_strip([("Client", name), ("Date", "March 5, 2025")], ctx)
    needed = string_width(name, ctx.style.meta_value.fontName, ctx.style.meta_value.fontSize)
    assert strip._argW[0] >= needed  # noqa: SLF001 - the column widths ReportLab was given


def test_a_built_in_face_is_left_as_it_prints() -> None:
    assert pieces("Łódź 🌱", "Helvetica") is None  # no character table to look in: never an error
