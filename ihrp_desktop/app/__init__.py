"""The desktop app (PySide6): windows, dialogs and the worksheet editor."""
