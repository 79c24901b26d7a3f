"""Any failure a person can meet as one plain sentence in their language.

The command line and the windows (through ``app.i18n.failure_message``) say why something failed
with :func:`describe_failure`. The sentence never holds client data, an exception's own text (it
could carry values) or a traceback (tests/core/test_failure.py): only the catalogue's words
(``core/words``, section ``failure``), the words of vault errors, a definition's file, line and
field, and a path the caller passes on purpose.
"""

from __future__ import annotations

import errno

from .forms.reading import FormDefinitionError
from .vault.errors import CopyNotWritten, SaveFailed, VaultError, error_message
from .words import section, word

_vault = section("vault")

# errno -> the catalogue's sentence for that family of storage failures
_OS_FAMILIES: dict[int, str] = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "permission",
    errno.ENOENT: "not_found",
    errno.EISDIR: "is_folder",
}


def describe_failure(exc: BaseException, language: str = "en", *, screen: bool = True,
                     target: str | None = None, op: str | None = None) -> str:
    """``exc`` as a sentence for a person, in ``language``.

    ``screen=False`` where no typed text waits on a screen (the command line). ``target``: the path
    the person named, added to a storage failure's sentence (never taken from the exception itself).
    ``op``: a write of the window that is not typed text (``vault.op.*``: a status, a new worksheet,
    a client), said once as not done, with no promise of a later save (tests/app/test_op_failures.py).
    """
    if op is not None:
        if isinstance(exc, SaveFailed) and not isinstance(exc, CopyNotWritten):
            todo = _vault(f"todo.{exc.reason}", language)
            return _vault("op_failed", language, what=_vault(f"op.{op}", language),
                          why=_vault(f"why.{exc.reason}", language), Todo=todo[:1].upper() + todo[1:])
        return _vault("op_failed_other", language, what=_vault(f"op.{op}", language),
                      reason=describe_failure(exc, language, screen=False, target=target))
    if isinstance(exc, VaultError):
        return error_message(exc, language, screen=screen)
    if isinstance(exc, FormDefinitionError):
        return exc.text(language)
    if isinstance(exc, OSError):
        where = f" ({target})" if target else ""
        family = _OS_FAMILIES.get(exc.errno or 0)
        if family is None:
            code = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
            return word("failure.other_os", language, target=where, code=code)
        return word(f"failure.{family}", language, target=where)
    return word("failure.unexpected", language, kind=type(exc).__name__)
