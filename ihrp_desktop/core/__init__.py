"""The Qt-free core: worksheet definitions, the encrypted vault, PDF printing, locations.

Nothing below this package imports Qt, so the command line and tests stay fast and headless.
"""
