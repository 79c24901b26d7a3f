"""Keep the process's secrets in the process: no core dumps, no debugger attaching.

While a vault is unlocked the process holds the data key, the passphrase that was typed and
client answers. A crash dump (a ``core`` file, a Windows Error Reporting dump) would write all of
that to disk in clear text, and another program of the same user could attach a debugger and read
it. ``harden_process`` is called first thing by every entry point (the app and the command line).

- Linux: ``setrlimit(RLIMIT_CORE, (0, 0))`` (no core file, and the limit cannot be raised again)
  and ``prctl(PR_SET_DUMPABLE, 0)`` (no core even through a ``core_pattern`` pipe, no ptrace
  attach by other processes of the same user, /proc/PID/mem unreadable to them).
- macOS: the same ``setrlimit`` and ``ptrace(PT_DENY_ATTACH)``. Written, not tested here.
- Windows: ``SetErrorMode`` (no crash dialog) and ``WerAddExcludedApplication`` (no Windows Error
  Reporting dump of this program). Written, not tested here.

Each step is best effort: a system that refuses one still gets the others, and the program runs.
"""

from __future__ import annotations

import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>
PT_DENY_ATTACH = 31  # <sys/ptrace.h> on macOS
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002

_done: list[str] | None = None


def _no_core_files() -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        return False
    return True


def _linux_not_dumpable() -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _macos_deny_attach() -> bool:  # pragma: no cover - macOS only
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.ptrace(PT_DENY_ATTACH, 0, None, 0)) == 0
    except (OSError, AttributeError):
        return False


def _windows_no_crash_dumps() -> bool:  # pragma: no cover - Windows only
    import ctypes

    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        wer = ctypes.windll.wer  # type: ignore[attr-defined]
        # S_OK is 0; the exclusion names this program's executable (python.exe, or the frozen app).
        return int(wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)) == 0
    except (OSError, AttributeError):
        return False


def harden_process() -> list[str]:
    """Turn off core dumps and debugger attach for this process (once); returns what took effect."""
    global _done
    if _done is not None:
        return list(_done)
    done: list[str] = []
    # Files and folders made from now on are this account's alone, whatever made them (Qt's settings
    # file, SQLite's side files): the program's own writes ask for 0600/0700 anyway (file_guard).
    import os

    os.umask(0o077)
    done.append("umask 077")
    if sys.platform == "win32":  # pragma: no cover - Windows only
        if _windows_no_crash_dumps():
            done.append("no Windows Error Reporting dumps")
    else:
        if _no_core_files():
            done.append("core size 0")
        if sys.platform.startswith("linux") and _linux_not_dumpable():
            done.append("not dumpable")
        if sys.platform == "darwin" and _macos_deny_attach():  # pragma: no cover - macOS only
            done.append("debugger attach denied")
    _done = done
    return list(done)
