"""Keep headings and labels with the start of what follows, without gluing whole tables to them.

ReportLab's keep-with-next wraps a heading and the next flowable in a ``KeepTogether``, which
moves a long table (or list) whole to the next page whenever it does not fit in the space left,
leaving most of a page empty. Here a heading only needs the *first piece* of what follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable


class KeepWithFirst(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """``head`` (headings, labels) printed only where the first piece of ``rest`` fits after it."""

    def __init__(self, head: Sequence[Flowable], rest: Sequence[Flowable]):
        super().__init__()
        self.head = list(head)
        self.rest = list(rest)
        for flowable in self.head:
            flowable.keepWithNext = 0  # handled here from now on

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF  # always split: the frame then places the parts one by one

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop:  # noqa: SLF001 - nothing better will come on a new page
            return self.head + self.rest
        used = 0.0
        for flowable in self.head:
            _, height = flowable.wrapOn(self.canv, avail_width, avail_height)
            used += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        first, others = self.rest[0], self.rest[1:]
        room = avail_height - used - first.getSpaceBefore()
        if room <= 0:
            return []
        _, height = first.wrapOn(self.canv, avail_width, room)
        if height <= room:
            return self.head + self.rest
        parts = first.splitOn(self.canv, avail_width, room)
        return self.head + list(parts) + others if parts else []


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """Replace each run of keep-with-next flowables and its follower by a :class:`KeepWithFirst`."""
    out: list[Flowable] = []
    run: list[Flowable] = []
    for flowable in story:
        if flowable.getKeepWithNext():
            run.append(flowable)
            continue
        out.append(KeepWithFirst(run, [flowable]) if run else flowable)
        run = []
    if run:  # the story ends on keep-with-next flowables: nothing left to keep them with
        for flowable in run:
            flowable.keepWithNext = 0
        out.extend(run)
    return out
