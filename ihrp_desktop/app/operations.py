"""Every write to the vault from the app, as one operation on the serial writer (Anki's CollectionOp).

An op's work runs on the writer, never on the GUI thread (tests/app/test_operations.py fails on a
write from the GUI thread), one at a time and in order behind the autosaves. Then exactly one
callback runs on the GUI thread: ``success`` with the result (the caller refreshes what it shows),
or ``failure``. Without a failure callback the op says in plain words that the change was not
saved; the vault keeps what it had, and what is on screen stays there.

``write_now`` is for the few moments that must wait for a write (locking, quitting, a PDF saved only
once the vault recorded it): it still runs on the writer, and waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

# QtWidgets.X, not imported by name: PySide6 builds a class's type when first named (main_window.py).
from PySide6 import QtWidgets

from .. import APP_NAME
from .background import Runner
from .i18n import failure_message

T = TypeVar("T")


def say_not_saved(parent: QtWidgets.QWidget | None, exc: BaseException, op: str = "change") -> None:
    """The default failure: once, in plain words, that ``op`` (``vault.op.*``: what the write was) was
    not done, why, and no promise of a later save (tests/app/test_op_failures.py)."""
    QtWidgets.QMessageBox.warning(parent, APP_NAME, failure_message(exc, op=op))


class VaultOp(Generic[T]):
    """One write: ``VaultOp(parent, writer, work).success(show).run()``; ``op`` names it for the
    default failure's words (``vault.op.*``: "The new worksheet was not made ...")."""

    def __init__(self, parent: QtWidgets.QWidget | None, writer: Runner, work: Callable[[], T],
                 op: str = "change"):
        self._parent = parent
        self._op = op
        self._writer = writer
        self._work = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[T], None]) -> VaultOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> VaultOp[T]:
        self._failure = callback
        return self

    def quietly(self) -> VaultOp[T]:
        """A failure says nothing: for audit events of a vault being closed or found damaged."""
        return self.failure(lambda _exc: None)

    def run(self) -> None:
        parent = self._parent

        def failed(exc: BaseException) -> None:
            if self._failure is not None:
                self._failure(exc)
            else:
                say_not_saved(parent, exc, self._op)

        self._writer.run(self._work, self._success, failed)


def write_now(writer: Runner, work: Callable[[], T]) -> T:
    """Run ``work`` on the writer and wait for it; its result, or its exception raised here."""
    outcome: dict[str, Any] = {}

    def job() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            outcome["error"] = exc

    writer.run(job, None, None)
    writer.wait()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
