"""Dialog parts the app's windows share (the generic field widgets live in ``app/editor/``).

- ``pdf_preview``: a PDF shown from memory with Save PDF and Print (the print dialog, the recovery sheet);
- ``secret``: the passphrase field with its busy bar and message (unlock, change passphrase, recovery).
"""
