"""Paragraph fragments made without ReportLab's markup parser, for the little markup this package writes.

ReportLab parses every paragraph with an HTML parser (most of a coloured heading's cost is resolving
the colour; docs/performance.md). The builders here only ever write plain text, ``<font color="#rrggbb">``,
``<b>``, ``<br/>`` and the entities :func:`xml.sax.saxutils.escape` makes. For that subset the
parser's result is simple: one fragment per run of text (and per entity, per line break), each a
copy of the style's fragment with the open tags' settings. :func:`fragments` builds exactly that;
for anything else it returns None and the paragraph goes through the parser as before.
"""

from __future__ import annotations

import re
import weakref
from functools import cache
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser, _spanAttrMap, known_entities

_TOKEN = re.compile(r'<font color="(#[0-9a-fA-F]{6})">|</font>|<b>|</b>|<br/>|&(amp|lt|gt|nbsp|quot);')
_MARKUP = re.compile("[<&]")

# The parser's fragment for one run of text in each style, text left out (it holds no answer).
# A template lives as long as its style: the process's styles, or a render's own.
_TEMPLATES: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def template(style: ParagraphStyle) -> Any:
    """The fragment the parser makes for one run of text in ``style`` (made once per style)."""
    frag = _TEMPLATES.get(style)
    if frag is None:
        _, frags, _ = ParaParser().parse("x", style)
        frag = frags[0]
        frag.text = ""
        _TEMPLATES[style] = frag
    return frag


@cache
def _color(value: str) -> Any:
    """A ``color`` attribute as the parser reads it (the page's few colours, once each)."""
    return _spanAttrMap["color"][1](value)


def copy_fragment(frag: Any) -> Any:
    """``copy.copy`` of a fragment (a plain attribute bag), without the generic protocol's cost."""
    new = object.__new__(type(frag))
    new.__dict__.update(frag.__dict__)
    return new


def _clean(text: str) -> str:
    """ReportLab's ``cleanBlockQuotedText``, skipped for text that is already one clean line."""
    # ReportLab's whitespace is Python's, less the no-break space, plus the zero-width space.
    if "\xa0" not in text and "\u200b" not in text and " ".join(text.split()) == text:
        return text  # no line break, no run of spaces, nothing to strip: cleaning changes nothing
    return str(cleanBlockQuotedText(text))


def _run(state: Any, family: str, text: str) -> Any:
    frag = copy_fragment(state)
    frag.fontName = tt2ps(family, frag.bold, frag.italic)
    frag.text = text
    return frag


def fragments(markup: str, style: ParagraphStyle) -> tuple[str, list[Any]] | None:
    """(cleaned text, fragments) as ReportLab's parser gives them for ``markup``; None if ``markup``
    uses anything but the subset above (the caller then lets the parser do it)."""
    text = _clean(markup)
    base = template(style)
    if not _MARKUP.search(text):  # the common case: an answer or a label, one run
        frags = []
        if text:
            frags.append(copy_fragment(base))  # the template already has the style's own face
            frags[0].text = text
        textTransformFrags(frags, style)
        return text, frags
    if text.startswith("<para"):
        return None
    family = ps2tt(style.fontName)[0]
    stack = [base]
    frags = []
    at = 0
    for match in _TOKEN.finditer(text):
        data = text[at : match.start()]
        if _MARKUP.search(data):
            return None  # a tag or entity outside the subset
        if data:
            frags.append(_run(stack[-1], family, data))
        at = match.end()
        token = match.group(0)
        if match.group(1):
            state = copy_fragment(stack[-1])
            state.__tag__, state.textColor = "font", _color(match.group(1))
            stack.append(state)
        elif match.group(2):
            frags.append(_run(stack[-1], family, known_entities[match.group(2)]))
        elif token == "<b>":
            state = copy_fragment(stack[-1])
            state.__tag__, state.bold = "b", 1
            stack.append(state)
        elif token == "<br/>":
            line_break = copy_fragment(stack[-1])
            line_break.__tag__, line_break.lineBreak = "br", True
            frags.append(_run(line_break, family, ""))
        elif len(stack) == 1 or stack[-1].__tag__ != ("font" if token == "</font>" else "b"):
            return None  # unbalanced: let the parser report it
        else:
            stack.pop()
    data = text[at:]
    if _MARKUP.search(data) or len(stack) != 1:
        return None
    if data:
        frags.append(_run(stack[-1], family, data))
    textTransformFrags(frags, style)
    return text, frags
