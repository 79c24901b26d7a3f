"""Which dates a progress chart's axis shows (``core.progress.spaced_labels``) and how large a point's mark
is (``marker_size``): the window's charts and the report share both."""

from __future__ import annotations

from ihrp_desktop.core.progress import marker_size, spaced_labels


def test_every_label_shows_when_there_is_room() -> None:
    assert spaced_labels([0, 100, 200], [30, 30, 30], gap=5) == [0, 1, 2]


def test_crowded_labels_keep_the_first_and_the_last_apart() -> None:
    positions = [n * 10.0 for n in range(60)]  # a label every 10 units, each 30 wide
    shown = spaced_labels(positions, [30.0] * 60, gap=6)
    assert shown[0] == 0 and shown[-1] == 59
    for a, b in zip(shown, shown[1:], strict=False):
        assert positions[b] - positions[a] >= 30 + 6


def test_the_first_alone_when_only_one_fits() -> None:
    assert spaced_labels([0, 10], [30, 30], gap=6) == [0]
    assert spaced_labels([], [], gap=6) == []


def test_a_mark_fits_between_points_or_is_left_out() -> None:
    assert marker_size(20, 7, 4) == 7
    assert marker_size(6, 7, 4) == 5
    assert marker_size(3, 7, 4) == 0
