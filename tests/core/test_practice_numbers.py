"""The practice's phone and line numbers must be numbers (the stranger's "Harm Reduction Clinic
555-0100" and "1-800-NALOXONE" printed as-is on discreet copies; "abc def" was accepted): refused at save
with a message naming the field, in a real vault; what a discreet copy prints of the practice, read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.practice import Line, Practice, PracticeProblem, check_practice, number_problem
from ihrp_desktop.core.safety import listed_words_in
from ihrp_desktop.core.vault import KdfParams, Vault


@pytest.mark.parametrize("number", ["988", "112", "024", "1-800-222-1222", "+34 91 562 04 20",
                                    "(555) 010.0100", "555-0100 x12", "555-0100 ext. 1234"])
def test_numbers_as_people_write_them_are_accepted(number: str) -> None:
    assert number_problem(number) == ""


@pytest.mark.parametrize("number", ["abc def", "Harm Reduction Clinic 555-0100", "1-800-NALOXONE", "12",
                                    "555-0100 x123456", "call 988"])
def test_letters_or_too_few_digits_are_refused(number: str) -> None:
    assert "is not a phone number" in number_problem(number)


@pytest.mark.parametrize(("practice", "field"), [
    (Practice(phone="Harm Reduction Clinic 555-0100"), "practice phone"),
    (Practice(crisis=Line("Line", "1-800-NALOXONE")), "crisis line number"),
    (Practice(poison=Line("", "abc def")), "poison line number"),
])
def test_the_vault_refuses_to_save_a_profile_with_a_bad_number_and_keeps_the_old_one(
    tmp_path: Path, practice: Practice, field: str
) -> None:
    with Vault.create(tmp_path / "v", "correct horse battery staple", kdf=KdfParams.fast()) as vault:
        good = vault.save_practice(Practice(name="Riverside", phone="555-0100"))
        with pytest.raises(PracticeProblem) as refused:
            vault.save_practice(practice)
        assert str(refused.value).startswith(f"The {field}: ")
        assert vault.practice() == good


def test_a_label_may_hold_words_and_the_practice_name_and_labels_never_print_on_a_discreet_copy() -> None:
    practice = Practice(name="Harm Reduction Clinic", phone="555-0100", country="US",
                        crisis=Line("Naloxone line", "555-0199"), confirmed=True)
    check_practice(practice)  # a label is words: accepted
    header = PrintHeader(client_name="Zofia", practice=practice)
    form = default_library().get("optimal_use_plan")
    data = render_worksheet(form, {"substance": "Heroin"}, header,
                           PrintOptions(discreet=True))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    assert "555-0199" in text and "Call: 555-0100" in text
    assert set(listed_words_in(text)) == {"heroin"}  # only what the client typed
    assert "Clinic" not in text and "Naloxone" not in text
