"""The command line, used the wrong way on purpose: every case ends in plain words and the right exit
code, never a traceback, and leaves the vault's files as they were (or verifying)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from ihrp_desktop import __version__
from ihrp_desktop.cli import SUBCOMMANDS, _parser, main
from ihrp_desktop.core.vault import KdfParams, Vault, verify
from tests.kdf_floor import CLI_CHILD

PASS = "Łódź hostile ✓"


def checkout_env() -> dict[str, str]:
    """This checkout for a child, with the test's own per-user folders (IHRP_HOME is set per test)."""
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    vault = Vault.create(path, PASS, kdf=KdfParams.fast())
    ana = vault.add_client("Ana Ñandú")
    session = vault.add_session(ana.id)
    vault.new_worksheet(ana.id, "decisional_balance", 1, session_id=session.id)
    vault.close()
    return path


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
        stdin: bytes | str | None = None) -> tuple[int, str, str]:
    """main() in-process with stdin as the bytes a pipe would carry (a real text layer over them)."""
    if stdin is not None:
        raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors, --help and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def plain(err: str) -> str:
    """The message without line breaks (argparse wraps usage lines)."""
    return " ".join(err.split())


# -- numbers and bytes -----------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["99999999999999999999", "9223372036854775808", "0", "-5", "abc", "1e3"])
def test_a_worksheet_number_out_of_range_is_a_usage_error(monkeypatch, capsys, vault_dir, tmp_path, number):
    before = snapshot(vault_dir)
    code, _, err = run(monkeypatch, capsys, "print", number, "--vault", str(vault_dir),
                       "-o", str(tmp_path / "out.pdf"), "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 2
    assert "worksheet number" in err
    assert snapshot(vault_dir) == before
    assert not (tmp_path / "out.pdf").exists()


def test_the_apps_open_option_refuses_a_huge_number_before_any_window(monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "--open", "99999999999999999999")
    assert code == 2 and "worksheet number" in err
    assert "usage: ihrp-desktop" in err


@pytest.mark.parametrize("command", ["list", "verify", "export-json"])
def test_a_passphrase_line_that_is_not_utf8_is_a_usage_error(monkeypatch, capsys, vault_dir, tmp_path,
                                                              command):
    before = snapshot(vault_dir)
    extra = ["-o", str(tmp_path / "out.json")] if command == "export-json" else []
    code, _, err = run(monkeypatch, capsys, command, "--vault", str(vault_dir), *extra, "--passphrase-stdin",
                       stdin=b"\xff\xfe caf\xe9\n")
    assert code == 2
    assert "not UTF-8" in err and "Nothing was changed" in err
    assert snapshot(vault_dir) == before
    assert not (tmp_path / "out.json").exists()


def test_init_with_a_passphrase_that_is_not_utf8_makes_no_vault(monkeypatch, capsys, tmp_path):
    code, _, err = run(monkeypatch, capsys, "init", "--vault", str(tmp_path / "new"), "--passphrase-stdin",
                       stdin=b"caf\xe9\n")
    assert code == 2 and "not UTF-8" in err
    assert not (tmp_path / "new").exists()


def test_passwd_with_a_new_passphrase_that_is_not_utf8_keeps_the_old_key(monkeypatch, capsys, vault_dir):
    before = snapshot(vault_dir)
    code, _, err = run(monkeypatch, capsys, "passwd", "--vault", str(vault_dir), "--passphrase-stdin",
                       stdin=PASS.encode() + b"\n\xc3\x28 new\n")
    assert code == 2 and "not UTF-8" in err
    assert snapshot(vault_dir) == before


def test_a_passphrase_with_lone_surrogates_is_refused_in_plain_words(monkeypatch, capsys, vault_dir):
    """A text stream in another encoding (surrogateescape) hands over characters UTF-8 cannot hold."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("caf\udce9\n"))
    code, _, err = run(monkeypatch, capsys, "list", "--vault", str(vault_dir), "--passphrase-stdin")
    assert code == 2 and "not UTF-8" in err


def test_ctrl_d_at_the_passphrase_prompt_stops_and_changes_nothing(vault_dir):
    """A real terminal (a pseudo-terminal): Ctrl+D at "Vault passphrase:" is EOF for getpass."""
    import fcntl
    import pty
    import termios

    before = snapshot(vault_dir)
    leader, follower = pty.openpty()

    def own_terminal() -> None:  # the child's controlling terminal, so getpass reads /dev/tty from it
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(
        [*CLI_CHILD, "list", "--vault", str(vault_dir)],
        stdin=follower, stdout=follower, stderr=follower, preexec_fn=own_terminal, close_fds=True,
        env=checkout_env())
    os.close(follower)
    seen = b""
    try:
        while b"passphrase" not in seen.lower():
            seen += os.read(leader, 1024)
        os.write(leader, b"\x04")  # Ctrl+D
        while True:
            try:
                chunk = os.read(leader, 1024)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        code = child.wait(timeout=60)
    finally:
        os.close(leader)
        if child.poll() is None:
            child.kill()
    text = seen.decode("utf-8", "replace")
    assert code == 1
    assert "Stopped. Nothing was changed." in text
    assert "Traceback" not in text and "EOFError" not in text
    assert snapshot(vault_dir) == before


# -- the command's words ------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["lsit", "frobnicate", "pirnt", "exportjson"])
def test_a_mistyped_command_is_named_and_the_commands_are_listed(monkeypatch, capsys, word):
    code, out, err = run(monkeypatch, capsys, word, "--vault", "somewhere")
    assert code == 2
    assert f"unknown command '{word}'" in err
    assert all(name in err for name in SUBCOMMANDS)
    assert "unrecognized arguments" not in err  # not the app's parser answering


def test_a_close_typo_gets_a_suggestion(monkeypatch, capsys):
    _, _, err = run(monkeypatch, capsys, "lsit")
    assert "Did you mean 'list'?" in err


def test_a_real_app_option_still_reaches_the_apps_parser(monkeypatch, capsys, tmp_path):
    """``--vault X`` is the app's option: it must not be taken for an unknown command (the bad
    --open value stops it before a window opens)."""
    code, _, err = run(monkeypatch, capsys, "--vault", str(tmp_path), "--open", "0")
    assert code == 2
    assert "unknown command" not in err and "--open" in err


def test_version_comes_from_the_package_metadata(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "--version")
    assert code == 0
    assert out.strip() == f"ihrp-desktop {metadata.version('ihrp-desktop')}"
    assert metadata.version("ihrp-desktop") == __version__


@pytest.mark.parametrize("name", list(SUBCOMMANDS))
def test_every_subcommand_has_a_description_and_help_for_every_argument(name):
    parser = _parser(only=name)
    sub = next(a for a in parser._actions if a.dest == "command").choices[name]
    assert sub.description and sub.description.endswith(".")
    for action in sub._actions:
        assert action.help, f"{name}: {action.option_strings or action.dest} has no help"


def test_the_top_level_help_lists_every_command_with_its_summary(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "--help")
    assert code == 0
    for name, (summary, _declare) in SUBCOMMANDS.items():
        assert name in out and summary.split()[0] in out
    assert "--version" in out


# -- messages that name the right thing -----------------------------------------------------------------

@pytest.mark.parametrize("inside", ["vault.db", "vault.key"])
def test_a_file_inside_the_vault_says_to_give_the_folder(monkeypatch, capsys, vault_dir, inside):
    before = snapshot(vault_dir)
    code, _, err = run(monkeypatch, capsys, "list", "--vault", str(vault_dir / inside), "--passphrase-stdin",
                       stdin=PASS + "\n")
    assert code == 4
    assert "is a file, not a vault folder" in err and f"(here: {vault_dir})" in err
    assert "does not exist" not in err
    assert snapshot(vault_dir) == before


def test_a_backup_into_an_unwritable_place_names_that_place_not_the_vault(monkeypatch, capsys, vault_dir,
                                                                           tmp_path):
    # Under a regular file, mkdir fails (ENOTDIR) even for root, which chmod alone would not stop.
    blocker = tmp_path / "usb-stick"
    blocker.write_bytes(b"a file, not a folder")
    code, _, err = run(monkeypatch, capsys, "backup", "--vault", str(vault_dir), "-o", str(blocker / "bk"),
                       "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 1
    text = plain(err)
    assert f"The backup could not be written to {blocker}" in text
    assert "a part of that path is a file, not a folder" in text
    assert "screen" not in text and "the vault is in a place" not in text
    assert verify(vault_dir, PASS).ok
    assert blocker.read_bytes() == b"a file, not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usb-stick", "vault"]


def test_restore_into_an_unwritable_place_names_that_place(monkeypatch, capsys, vault_dir, tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    before = snapshot(vault_dir)
    code, _, err = run(monkeypatch, capsys, "restore", str(vault_dir), "--vault", str(blocker / "copy"),
                       "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 1
    assert f"The restored vault could not be written to {blocker}" in plain(err)
    assert "screen" not in err
    assert snapshot(vault_dir) == before


def test_init_in_an_unwritable_place_names_that_place(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    code, _, err = run(monkeypatch, capsys, "init", "--vault", str(blocker / "v"), "--passphrase-stdin",
                       stdin=PASS + "\n")
    assert code == 1
    assert f"The new vault could not be written to {blocker / 'v'}" in plain(err)
    assert "screen" not in err
    assert blocker.read_text() == "x"


def test_verify_of_a_damaged_vault_shows_only_plain_words(vault_dir, tmp_path):
    """SQLCipher's own logger would add a raw "ERROR CORE sqlcipher_page_cipher" line per bad page
    (a separate process: its log level is the library's, process-wide)."""
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for name in ("vault.key", "vault.db"):
        (damaged / name).write_bytes((vault_dir / name).read_bytes())
    data = bytearray((damaged / "vault.db").read_bytes())
    for offset in range(4096 + 200, len(data), 4096):
        data[offset:offset + 16] = bytes(16)
    (damaged / "vault.db").write_bytes(bytes(data))
    before = snapshot(damaged)
    result = subprocess.run([*CLI_CHILD, "verify", "--vault", str(damaged),
                             "--passphrase-stdin"], input=PASS + "\n", capture_output=True, text=True,
                            timeout=120, env=checkout_env())
    assert result.returncode == 4
    assert "PROBLEM:" in result.stdout and "Damage found" in result.stderr
    assert "ERROR" not in result.stderr and "sqlcipher" not in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert snapshot(damaged) == before


def test_a_failed_save_on_the_command_line_says_nothing_about_a_screen(monkeypatch, capsys, tmp_path):
    """A real write failure: the import runs in a child whose files may not grow past 48 KiB
    (RLIMIT_FSIZE; EFBIG for root too). Closing after the failed write cannot fold the journal back
    either; that is left to the next open, and the save's failure is what is told."""
    import resource
    import signal

    from ihrp_desktop.core.demo import load_demo
    from ihrp_desktop.core.forms import default_library

    path = tmp_path / "vault"
    vault = Vault.create(path, PASS, kdf=KdfParams.fast())
    load_demo(vault, default_library())
    vault.close()
    code, _, _ = run(monkeypatch, capsys, "export-json", "--vault", str(path),
                     "-o", str(tmp_path / "all.json"), "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 0
    path = tmp_path / "other"  # a vault that holds none of these records: the import has work to do
    Vault.create(path, PASS, kdf=KdfParams.fast()).close()
    # Room for the journal of the command's own small 'unlocked' event, not for the import's: the save
    # fails, and so does folding the journal back at close (left for the next open, nothing lost).
    limit = 48 * 1024

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    result = subprocess.run([*CLI_CHILD, "import", str(tmp_path / "all.json"),
                             "--vault", str(path), "--passphrase-stdin"], input=PASS + "\n",
                            capture_output=True, text=True, timeout=120, env=checkout_env(),
                            preexec_fn=small_files)
    assert result.returncode == 1, result.stderr
    assert "could not be saved because" in result.stderr and "run the command again" in result.stderr
    assert "screen" not in result.stderr and "did not expect" not in result.stderr
    assert "Traceback" not in result.stderr
    assert verify(path, PASS).ok
    with Vault.open(path, PASS) as after:
        assert after.clients() == []  # nothing of the import, and the vault opens as usual
