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


def test_a_variation_selector_is_dropped_and_an_unknown_character_stays() -> None:
    assert pieces("❤️ x", REGULAR) == [("❤", SYMBOLS), (" x", REGULAR)]
    # U+1F972 is newer than the symbols face: it stays in the text face (its "missing" sign).
    assert pieces("a🥲", REGULAR) == [("a🥲", REGULAR)]


def test_widths_add_up_face_by_face() -> None:
    parts = string_width("a", REGULAR, 10) + string_width("🌱", SYMBOLS, 10) + string_width("b", REGULAR, 10)
    assert string_width("a🌱b", REGULAR, 10) == parts
    assert string_width("🌱", REGULAR, 10) > 0
