"""Choosing a file or a folder without leaving its name behind on the computer.

Qt's file dialog writes the folders it visited to ``QtProject.conf`` (``history=``,
``lastVisited=``, percent-encoded, so a plain text search misses a client-named folder), and the
systems' own dialogs add chosen files to recent lists. Every file dialog of the app comes from
here: Qt's own dialog (never the system's), starting in the Documents folder rather than the last
one used (a client-named folder must not greet the next client), and that history removed again
as soon as the dialog is gone (tests/hostile/test_app_room.py scans for the name after a real run).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from shiboken6 import delete, isValid

# The keys of Qt's "FileDialog" settings group that hold places a person visited or chose.
_PLACE_KEYS = ("history", "lastVisited", "shortcuts")


def _start_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def forget_places() -> None:
    """Remove the folders Qt's file dialog remembered (its own settings; ours never hold them)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _PLACE_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def _run(dialog: QFileDialog) -> str:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # no system recent list
    dialog.setHistory([])
    try:
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        if isValid(dialog):  # (gone with a parent a lock closed)
            delete(dialog)  # Qt writes its settings when the dialog is destroyed: now, then forgotten
        forget_places()
    return chosen[0] if chosen else ""


def save_file(parent: QWidget | None, title: str, suggested_name: str, name_filter: str) -> str:
    """The file a person chose to save to ("" when they cancelled)."""
    dialog = QFileDialog(parent, title, _start_folder(), name_filter)
    dialog.setObjectName("chooseFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested_name)
    return _run(dialog)


def open_file(parent: QWidget | None, title: str, name_filter: str) -> str:
    """An existing file a person chose to read ("" when they cancelled)."""
    dialog = QFileDialog(parent, title, _start_folder(), name_filter)
    dialog.setObjectName("chooseFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def existing_folder(parent: QWidget | None, title: str) -> str:
    """A folder a person chose ("" when they cancelled)."""
    dialog = QFileDialog(parent, title, _start_folder())
    dialog.setObjectName("chooseFolder")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
