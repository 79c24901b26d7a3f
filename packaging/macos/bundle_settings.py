"""The macOS app bundle's Info.plist (ihrp-desktop.spec passes it to PyInstaller's BUNDLE)."""

from __future__ import annotations


def info_plist(version: str) -> dict[str, object]:
    return {
        "CFBundleName": "IHRP Desktop",
        "CFBundleDisplayName": "IHRP Desktop",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSApplicationCategoryType": "public.app-category.medical",
        "LSMinimumSystemVersion": "12.0",
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        # Follow the system's light or dark look (the app's own themes read it).
        "NSRequiresAquaSystemAppearance": False,
    }
