; Inno Setup script of the Windows installer. packaging/build.py runs it on Windows:
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\pyinstaller\dist\ihrp-desktop /DIconFile=... /DOutputDir=dist
;        /DOutputName=ihrp-desktop-0.1.0-windows-x86_64-setup packaging\windows\ihrp-desktop.iss
; It installs for the current user (no administrator rights), adds a Start menu entry and an
; uninstaller. The vault and settings in the user's folders are never removed by the uninstaller.
#ifndef AppVersion
  #error AppVersion must be given (/DAppVersion=...)
#endif

[Setup]
AppId={{6F1C2B7E-4B7A-4E0B-9C58-1D2A7E3C9B41}
AppName=IHRP Desktop
AppVersion={#AppVersion}
AppPublisher=IHRP
DefaultDirName={autopf}\IHRP Desktop
DefaultGroupName=IHRP Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\ihrp-desktop-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\IHRP Desktop"; Filename: "{app}\ihrp-desktop-gui.exe"
Name: "{autodesktop}\IHRP Desktop"; Filename: "{app}\ihrp-desktop-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ihrp-desktop-gui.exe"; Description: "{cm:LaunchProgram,IHRP Desktop}"; Flags: nowait postinstall skipifsilent
