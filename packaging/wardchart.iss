; Inno Setup 6 script: a per-machine Windows installer for the one-folder build.
; Build on Windows: first `packaging\build.sh` (or pyinstaller packaging\wardchart.spec) to
; make dist\wardchart, then compile this script with ISCC.exe packaging\wardchart.iss.
; Not compiled or run on the Linux machine where wardchart is developed; written from the
; Inno Setup documentation ([Setup] ArchitecturesAllowed/ArchitecturesInstallIn64BitMode,
; PrivilegesRequired, {autopf}, [Icons], [Run]).
;
; Chart files are never touched: they live in each user's profile
; (%LOCALAPPDATA%\wardchart\wardchart.sqlite and its backups folder), outside {app}, and
; this script has no [UninstallDelete] entry, so uninstalling removes only the program.

#define AppName "wardchart"
#define AppVersion "0.1.0"

[Setup]
AppId={{6E0B5F2A-3C1D-4A5E-9B7F-2D8C4E1A6F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=wardchart
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine: installed once into Program Files for every user of the workstation.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\wardchart.ico
UninstallDisplayIcon={app}\wardchart.exe
LicenseFile=LICENSES.txt
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
; The whole one-folder build, except the portable-mode marker (an installed copy uses the
; user profile; a portable copy is made by unzipping the folder and adding the marker).
Source: "..\dist\wardchart\*"; DestDir: "{app}"; Excludes: "wardchart-portable*"; \
    Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\wardchart.exe"; Comment: "Neutropenia chart"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\wardchart.exe"; Description: "Start {#AppName}"; \
    Flags: nowait postinstall skipifsilent
