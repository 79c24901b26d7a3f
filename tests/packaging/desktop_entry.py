"""How a desktop reads a menu entry's Exec key, after the Desktop Entry Specification 1.5
("Possible value types" and "The Exec key"), for tests/packaging/test_install_sh.py."""

from __future__ import annotations

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_QUOTED_ESCAPES = set('"`$\\')


def string_value(raw: str) -> str:
    """A string value with its general escapes (\\s \\n \\t \\r \\\\) applied."""
    out, chars = [], iter(raw)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            if nxt not in _STRING_ESCAPES:
                raise ValueError(f"unknown escape \\{nxt}")
            out.append(_STRING_ESCAPES[nxt])
        else:
            out.append(char)
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """The arguments of an (unescaped) Exec value; raises ValueError where the value breaks the rules."""
    args: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        word = []
        if value[i] == '"':
            i += 1
            while True:
                if i >= len(value):
                    raise ValueError("unclosed quote")
                char = value[i]
                if char == '"':
                    i += 1
                    break
                if char == "\\":
                    if i + 1 >= len(value) or value[i + 1] not in _QUOTED_ESCAPES:
                        raise ValueError("a backslash in quotes escapes only \" ` $ \\")
                    char = value[i + 1]
                    i += 1
                elif char in "`$":
                    raise ValueError(f"unescaped {char} in quotes")
                word.append(char)
                i += 1
            if i < len(value) and value[i] != " ":
                raise ValueError("a quoted argument must end at a space")
        else:
            while i < len(value) and value[i] != " ":
                if value[i] in _RESERVED:
                    raise ValueError(f"reserved character {value[i]!r} outside quotes")
                word.append(value[i])
                i += 1
        text = "".join(word)
        if "%" in text.replace("%%", ""):
            raise ValueError("a lone % is a field code")
        args.append(text.replace("%%", "%"))
    return args


def exec_argv(entry_text: str) -> list[str]:
    """The program and arguments a desktop starts from a .desktop file's text."""
    lines = entry_text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    execs = [line.split("=", 1)[1] for line in lines if line.startswith("Exec=")]
    assert len(execs) == 1
    return split_exec(string_value(execs[0]))
