"""Guards against a Qt binding that would crash the app mid-session.

PySide6 6.12.0 drops a reference to Python's ``True`` on every signal emitted to a Python slot.
On Python 3.11 (where ``True`` is not immortal) the app then aborts after a few hundred
keystrokes: "Fatal Python error: bool_dealloc". pyproject.toml excludes that release; this test
fails, instead of crashing, if a binding with the same fault is ever installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    value = Signal(object)
    number = Signal(int)


def test_emitting_to_python_slots_keeps_reference_counts(qapp: object) -> None:
    sender = _Sender()
    received: list[object] = []
    sender.value.connect(received.append)
    sender.number.connect(lambda n: received.append(n))
    before = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
    for _ in range(50):  # far below the few hundred that would abort on Python 3.11
        sender.value.emit("typing")
        sender.number.emit(3)
    after = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
    assert len(received) == 100
    if sys.version_info < (3, 12):  # from 3.12 these are immortal and their counts are meaningless
        drift = {name: after[name] - before[name] for name in before}
        assert all(abs(d) < 10 for d in drift.values()), f"the Qt binding leaks references: {drift}"
