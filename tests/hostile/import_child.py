"""The process the import kill test kills: a large import, stopped inside its write transaction.

Run as ``python import_child.py VAULT PASSPHRASE FILE``. Prints ``WRITING <n>`` (flushed) once the
first batch of worksheets is written inside the transaction, then waits there to be killed.
"""

from __future__ import annotations

import sys
import time

from ihrp_desktop.core.exchange import import_file
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import Vault


def main(vault_path: str, passphrase: str, file: str) -> None:
    from tests.kdf_floor import lower

    lower()  # this child opens a KdfParams.fast() vault
    def progress(phase: str, done: int, total: int) -> None:
        if phase == "write" and 0 < done < total:
            print("WRITING", done, flush=True)
            time.sleep(120)  # the parent kills us here, mid-transaction

    with Vault.open(vault_path, passphrase) as vault:
        import_file(vault, file, default_library(), progress)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
