"""The package's paragraph: plain text skips ReportLab's parser, lines are broken once per width.

Both shortcuts must give exactly what ReportLab's own Paragraph gives.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import SimpleDocTemplate

from ihrp_desktop.core.pdf.markup import escape_text
from ihrp_desktop.core.pdf.paragraphs import Paragraph
from ihrp_desktop.core.pdf.styles import styles

TEXTS = [
    "Two glasses of wine, only with dinner",
    "  leading and trailing   spaces,\tand a tab  ",
    "Zażółć gęślą jaźń — Съешь же ещё этих мягких французских булок",
    "non\u00a0breaking\u00a0spaces stay",
    "\u200bzero-width spaces\u200b at the ends\u200b",
    "em\u2003space and\u3000ideographic space",
    "a" * 300,  # one word longer than any line
    " ".join(["several words that wrap onto more lines"] * 12),
    "",
    "   ",
]
STYLE_NAMES = ["value", "label", "cell_head", "bullet", "card", "scale_high", "purpose"]


def _frag_state(paragraph: RLParagraph) -> list[dict[str, object]]:
    return [dict(vars(frag)) for frag in paragraph.frags]


@pytest.mark.parametrize("style_name", STYLE_NAMES)
@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_matches_reportlab(text: str, style_name: str) -> None:
    style = getattr(styles(), style_name)
    markup = escape_text(text)
    ours, theirs = Paragraph(markup, style), RLParagraph(markup, style)
    assert ours.text == theirs.text
    assert _frag_state(ours) == _frag_state(theirs)
    for width in (80.0, 230.0, 468.0):
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert repr(ours.blPara) == repr(theirs.blPara)


MARKUPS = [
    '<font color="#2e6f73">Cómo es ahora</font>',
    '<font color="#2e6f73">This plan is about:</font> <font color="#1f2a2e">Wine &amp; beer</font>',
    '<font color="#56646a">No more than</font> two   drinks, <b>never</b> alone',
    '<font color="#56646a"><b>What I&#39;ll do:</b></font> call Ana',
    '<font color="#56646a"><b>Notes:</b></font> first line<br/>second &lt;line&gt;<br/><br/>',
    'Weight &nbsp;<font color="#2e6f73">7</font>',
    '<b>Total:</b> 12',
    'Label <font color="#8e3b46">· for the clinician</font>',
    '<font color="#2e6f73">Notes <font size="8.5">· for the clinician</font></font>',  # parser
    "<i>italic</i> and &copy; and &unknown; words",  # parser
    '<font color="#2e6f73"></font><b></b>',
    "a &amp;&amp; b &gt; c",
]


@pytest.mark.parametrize("style_name", ["section", "value", "bullet", "cell_head"])
@pytest.mark.parametrize("markup", MARKUPS)
def test_own_markup_matches_the_parser(markup: str, style_name: str) -> None:
    style = getattr(styles(), style_name)
    ours, theirs = Paragraph(markup, style), RLParagraph(markup, style)
    assert ours.text == theirs.text
    assert _frag_state(ours) == _frag_state(theirs)
    for width in (60.0, 300.0):
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert repr(ours.blPara) == repr(theirs.blPara)


def test_unbalanced_markup_is_refused_as_reportlab_refuses_it() -> None:
    for markup in ("<b>open", "close</b>", "<font color=\"#2e6f73\">x</b>"):
        with pytest.raises(ValueError):
            RLParagraph(markup, styles().value)
        with pytest.raises(ValueError):
            Paragraph(markup, styles().value)


def test_repeated_wraps_give_what_a_fresh_paragraph_gives() -> None:
    text = " ".join(["words to break into lines"] * 20)
    style = styles().value
    paragraph = Paragraph(text, style)
    for width in (400.0, 150.0, 150.0, 400.0, 400.0, 90.0):
        fresh = RLParagraph(text, style)
        assert paragraph.wrap(width, 1000) == fresh.wrap(width, 1000)
        assert repr(paragraph.blPara) == repr(fresh.blPara)


def test_a_failed_split_does_not_leave_stale_lines() -> None:
    """ReportLab's split deletes the broken lines when not even two lines fit; wrap must redo them."""
    paragraph = Paragraph(" ".join(["a few words"] * 30), styles().value)
    width, height = paragraph.wrap(200, 1000)
    assert paragraph.split(200, 5) == []
    assert paragraph.wrap(200, 1000) == (width, height)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER).build([paragraph])
    assert "a few words" in PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()


def test_split_parts_are_complete() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    paragraph = Paragraph(text, styles().value)
    paragraph.wrap(300, 1000)
    first, rest = paragraph.split(300, 100)
    assert isinstance(first, Paragraph) and isinstance(rest, Paragraph)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER).build([first, rest])
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    extracted = " ".join(page.extract_text() for page in pages).split()
    assert extracted == text.split()


def test_prepare_readies_every_render_s_fonts_and_styles() -> None:
    """The app calls it on its warm-up thread while the passphrase is typed: the first preview
    must not be the one parsing the fonts."""
    import dataclasses

    from ihrp_desktop.core.pdf import fonts, fragments, prepare

    prepare()

    assert fonts._registered
    built = styles()
    assert all(getattr(built, f.name) in fragments._TEMPLATES for f in dataclasses.fields(built))
