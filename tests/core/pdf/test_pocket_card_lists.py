"""The safety plan's pocket card prints for any plan (issue 16's stranger, cases 1 and 2): a plan with
more items than a face holds prints the first of each list and says "More in your plan" (it crashed
with LayoutError); an empty or short plan's card holds the emergency point first. Sizes are read
back from the PDF."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.pocket_sheet import card_sheet
from ihrp_desktop.core.pdf.styles import CARD_MIN_SIZE, CARD_SAFETY_SIZE
from ihrp_desktop.core.practice import Practice

from .test_pocket_card_fit import _sizes

MORE = {"en": "More in your plan", "es": "Más en tu plan"}
# The "any" block's emergency point, plain and neutral (forms/safety/safety.toml).
EMERGENCY = {("en", False): "call emergency now", ("en", True): "call emergency services now",
             ("es", False): "llama ya a emergencias", ("es", True): "llama ya a emergencias"}


def _plan(signs: int, coping: int, helpers: int) -> dict[str, object]:
    return {"warning_signs": [{"sign": f"Sign number {i}"} for i in range(signs)],
            "coping": [{"what": f"Way of coping {i}"} for i in range(coping)],
            "helpers": [{"name": f"Helper {i}", "phone": f"555-01{i:02d}"} for i in range(helpers)]}


def _practice() -> Practice:
    return Practice(name="Clinic", phone="555-0100", confirmed=True).with_country("US")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("discreet", [True, False])
@pytest.mark.parametrize("counts", [(0, 0, 10), (15, 0, 0), (3, 8, 6), (30, 30, 30), (12, 12, 0), (2, 2, 20)])
def test_a_full_safety_plan_prints_a_card(kit: SimpleNamespace, language: str, discreet: bool,
                                          counts: tuple[int, int, int]) -> None:
    form = kit.shipped_form("safety_plan")
    data, shortened = card_sheet(form, _plan(*counts), PrintOptions(language=language, discreet=discreet),
                                 _practice())
    text = kit.squash(kit.pdf_text(data))
    every = [f"Sign number {i}" for i in range(counts[0])] + [f"Way of coping {i}" for i in range(counts[1])]
    whole = all(kit.squash(item) in text for item in every)
    assert whole or (shortened and kit.squash(MORE[language]) in text)
    sizes = _sizes(data)
    assert min(size for size, _ in sizes) >= CARD_MIN_SIZE - 0.05, sorted(sizes)[:3]
    # The safety point and the lines keep their size (9 pt), and the first item of each list prints.
    for words in ("911", EMERGENCY[language, discreet].split()[-1]):
        assert any(words in t and size >= CARD_SAFETY_SIZE - 0.05 for size, t in sizes), words
    for first, count in zip(("Sign number 0", "Way of coping 0", "Helper 0, 555-0100"), counts, strict=True):
        assert (kit.squash(first) in text) == bool(count), first


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("discreet", [True, False])
@pytest.mark.parametrize("values", [{}, {"warning_signs": [{"sign": "Skipping meals"}]}])
def test_a_short_plan_card_calls_emergency_first(kit: SimpleNamespace, language: str, discreet: bool,
                                                 values: dict[str, object]) -> None:
    """The emergency point is on the card, before the point about tolerance after a break."""
    form = kit.shipped_form("safety_plan")
    options = PrintOptions(language=language, discreet=discreet)
    data, shortened = card_sheet(form, values, options, _practice())
    text = " ".join(kit.pdf_text(data).split())
    emergency = EMERGENCY[language, discreet]
    tolerance = {"en": "After a break", "es": "pausa"}[language]
    assert not shortened and MORE[language] not in text
    assert emergency in text and tolerance in text
    assert text.index(emergency) < text.index(tolerance)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_take_home_lists_signs_as_the_card_does(kit: SimpleNamespace, language: str) -> None:
    """Issue 16's stranger, case 7: "Sign:" printed before some warning signs only (not before one that
    starts with "Signs"); the page now lists them under their heading with no lead, as the card does."""
    form = kit.shipped_form("safety_plan")
    values = {"warning_signs": [{"sign": "Skipping meals"}, {"sign": "Signs of a cold"}],
              "coping": [{"what": "A walk"}], "helpers": [{"name": "Marta", "phone": "555-0199"}]}
    data = render_worksheet(form, values, kit.HEADER, PrintOptions(language=language))
    text = " ".join(kit.pdf_text(data).split())
    for lead in {"en": ("Sign:", "What I can do:"), "es": ("Señal:", "Lo que puedo hacer:")}[language]:
        assert lead not in text, lead
    assert "Skipping meals" in text and "Signs of a cold" in text
    if language == "es":
        assert "Personas a las que puedo pedir ayuda" in text
        assert "Personas a las que puedo pedir " + "Marta" not in text


def test_the_command_prints_a_full_safety_plans_card(capsys, monkeypatch, tmp_path) -> None:
    """The stranger's repro: a vault, a safety plan with 10 people to ask, `print --copy pocket-card`."""
    from ihrp_desktop.core.vault import KdfParams, Vault
    from tests.cli_run import run_cli
    from tests.core.pdf.conftest import pdf_text

    secret = "card ✓ pass"
    with Vault.create(tmp_path / "v", secret, kdf=KdfParams.fast()) as v:
        client = v.add_client("Card Test")
        sheet = v.new_worksheet(client.id, "safety_plan", 1, values=_plan(0, 0, 10))
    for args in (("--name", "R", "--phone", "555-0100", "--country", "us"), ("--confirm",)):
        code, _, err = run_cli(capsys, monkeypatch, "practice", "--vault", str(tmp_path / "v"), *args,
                               "--passphrase-stdin", stdin=secret + "\n")
        assert code == 0, err
    out = tmp_path / "card.pdf"
    code, _, err = run_cli(capsys, monkeypatch, "print", str(sheet.id), "--copy", "pocket-card", "--vault",
                           str(tmp_path / "v"), "-o", str(out), "--passphrase-stdin", stdin=secret + "\n")
    assert code == 0, err
    assert err.count("shortened (…) or left out") == 1
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Helper 0, 555-0100" in text and "More in your plan" in text
