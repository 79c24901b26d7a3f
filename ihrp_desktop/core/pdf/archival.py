"""Every PDF of the program as PDF/A-2b: ReportLab's bytes in, archival bytes out, in memory.

pikepdf's ``pdfa`` module adds what ReportLab leaves out: the XMP metadata declaring PDF/A-2
level B, an sRGB output intent (pikepdf ships the profile) and the DocInfo entries agreeing with
the XMP. Nothing is written to disk: pikepdf's own ``pdfa.save`` validates through a temporary
file, so it is not used here; the tests validate every copy (tests/core/pdf/test_archival.py).
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import pdfa

FLAVOUR = "2b"
_PRODUCER = "pdf:Producer"


def archival(data: bytes, producer: str) -> bytes:
    """``data`` (a ReportLab PDF) made PDF/A-2b. ``producer`` is the name recorded as the file's
    producer; a discreet copy's is empty (it names no program)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            # ReportLab writes an empty page transition on every page; PDF/A has no use for it.
            if pikepdf.Name.Trans in page.obj:
                del page.obj[pikepdf.Name.Trans]
        pdfa.prepare(pdf, FLAVOUR)
        # prepare records pikepdf as the producer: the copy's own producer (or an empty one) instead.
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta[_PRODUCER] = producer
        out = io.BytesIO()
        # ReportLab compressed the pages and fonts already; what is left (the object stream, the XMP,
        # the sRGB profile: about 11 KB) is saved as it is. Compressing it cost qpdf about 2 ms a copy,
        # more than half the PDF/A step, for 7 KB (bench: the take-home PDF; tests/core/pdf/test_archival.py).
        pdf.save(out, **{**pdfa.resolve_save_kwargs(FLAVOUR), "compress_streams": False,
                         "stream_decode_level": pikepdf.StreamDecodeLevel.none})
    return out.getvalue()


def check(data: bytes) -> pdfa.Report:
    """pikepdf's PDF/A-2b validation of written bytes (``report.passed``), read from memory."""
    return pdfa.validate_written(io.BytesIO(data), FLAVOUR)
