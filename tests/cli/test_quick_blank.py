"""The quick path of ``ihrp-desktop blank`` reads its words exactly as argparse would, or leaves them
to argparse: it is never a second, different definition of the command."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ihrp_desktop.cli import _parser
from ihrp_desktop.cli.quick_blank import parse

WORDS = ["optimal_use_plan", "alternatives", "plan.pdf", "Łódź plan.pdf", "план.pdf", "a=b", "",
         "-o", "--output", "--output=x.pdf", "--output=", "-ox.pdf", "--out", "--out=x.pdf",
         "--lang", "--lang=es", "--lang=fr", "--lang=", "--la", "en", "es", "fr",
         "-h", "--help", "--", "-", "-1", "--vault", "--demo"]


def argparse_reading(words: list[str]) -> tuple[str, str, str] | None:
    """What the full command's parser makes of ``blank WORDS``; None when it refuses them."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            args = _parser(only="blank").parse_args(["blank", *words])
        except SystemExit:
            return None
    return args.form_id, args.output, args.lang


VALUES = st.sampled_from(["optimal_use_plan", "plan.pdf", "Łódź plan.pdf", "план 🌱.pdf", "a=b"])


@st.composite
def commands(draw: st.DrawFn) -> list[str]:
    """A plausible ``blank`` command (form, output, maybe a language, in any order), then a few
    words swapped for or joined by odd ones, so both sides of the quick path's line are tried."""
    parts = [[draw(VALUES)], draw(st.sampled_from([["-o", draw(VALUES)], ["--output", draw(VALUES)],
                                                   [f"--output={draw(VALUES)}"]]))]
    if draw(st.booleans()):
        language = draw(st.sampled_from(["en", "es", "fr", ""]))
        parts.append(draw(st.sampled_from([["--lang", language], [f"--lang={language}"]])))
    words = [word for part in draw(st.permutations(parts)) for word in part]
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(words)))
        odd = draw(st.sampled_from(WORDS))
        if draw(st.booleans()) and at < len(words):
            words[at] = odd
        else:
            words.insert(at, odd)
    return words


@given(commands())
def test_whatever_the_quick_path_reads_argparse_reads_the_same(words):
    quick = parse(words)
    if quick is not None:
        assert argparse_reading(words) == quick


@pytest.mark.parametrize("words", [
    ["optimal_use_plan", "-o", "plan.pdf"],
    ["-o", "Łódź plan.pdf", "alternatives", "--lang", "es"],
    ["--lang=es", "--output=план.pdf", "a=b"],
    ["--output", "plan.pdf", "optimal_use_plan", "--lang=en"],
])
def test_the_plain_spellings_are_read_quickly(words):
    assert parse(words) is not None
    assert parse(words) == argparse_reading(words)


@pytest.mark.parametrize("words", [
    ["optimal_use_plan"],                                      # no output: argparse says so
    ["optimal_use_plan", "-o", "a.pdf", "-o", "b.pdf"],        # repeated
    ["optimal_use_plan", "--out", "a.pdf"],                    # an abbreviation
    ["optimal_use_plan", "-o", "a.pdf", "--lang", "fr"],       # not a language
    ["optimal_use_plan", "-o", "-1"],                          # a value that looks like an option
    ["-h"],
    ["--", "optimal_use_plan", "-o", "a.pdf"],
])
def test_anything_else_goes_the_full_way(words):
    assert parse(words) is None
