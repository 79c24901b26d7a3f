"""Run slow work (key derivation, PDF rendering, saves) off the GUI thread.

One small helper, as in Anki's QueryOp: a callable runs on a worker, and exactly one of the
success / failure callbacks then runs on the GUI thread. Tests swap in :class:`InlineRunner`
so background work happens synchronously and deterministically.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (queued signal)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the failure callback
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def _unexpected(exc: BaseException) -> None:
    """A failure nobody said how to handle: the crash dialog and report, never silence."""
    from .crash import unexpected

    unexpected(exc)


GIL_SWITCH_S = 0.00005


class BackgroundRunner:
    """Runs callables on a thread pool; ``serial=True`` keeps them in order (the single writer)."""

    def __init__(self, serial: bool = False):
        # A Python worker holds the interpreter lock while it runs, and each of the GUI thread's calls
        # into Python waits up to this long for it. A page's labels answer every layout pass from
        # Python (hundreds of calls when a box grows a line), so the wait adds up: with a PDF
        # rendering behind it, the print preview's opening froze the window about four times longer
        # at 0.5 ms than at 50 us (docs/performance.md; tests/app/test_flows_trouble.py). A worker pays only
        # while another thread asks for the lock: one worker beside an idle GUI, nothing; two busy
        # Python workers at once would hand it back and forth every 50 us.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        self._pool = QThreadPool()
        if serial:
            self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)  # keep it alive until a result arrives

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if callback is not None:
                callback(value)

        relay.succeeded.connect(lambda value: finish(on_success, value))
        relay.failed.connect(lambda exc: finish(on_failure or _unexpected, exc))
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (used when locking or quitting, never mid-typing)."""
        return self._pool.waitForDone(msecs)


class InlineRunner:
    """Same interface, runs immediately on the calling thread (tests)."""

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001
            (on_failure or _unexpected)(exc)
            return
        if on_success is not None:
            on_success(result)

    def wait(self, msecs: int = -1) -> bool:
        return True


Runner = BackgroundRunner | InlineRunner
