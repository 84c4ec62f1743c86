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

; Silent install (docs/deployment.md), e.g. from a software-distribution tool, as admin:
;   wardchart-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="C:\wardchart-setup.log"
;       /MACHINECONFIG="\\server\it\wardchart.toml"
; /MACHINECONFIG (optional) copies that file to %PROGRAMDATA%\wardchart\wardchart.toml, the
; machine file every OS user's wardchart reads; an existing machine file is kept, and
; uninstalling leaves it (IT's file, like the charts).

#define AppName "wardchart"
; The one version is wardchart/__init__.py: build with
;   ISCC /DAppVersion=<output of python packaging\version.py> packaging\wardchart.iss
; The default below is kept equal to it (tests/packaging/test_conventions.py).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

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
LicenseFile=..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
; The whole one-folder build, except the portable-mode marker (an installed copy uses the
; user profile; a portable copy is made by unzipping the folder and adding the marker).
Source: "..\dist\wardchart\*"; DestDir: "{app}"; Excludes: "wardchart-portable*"; \
    Flags: ignoreversion recursesubdirs createallsubdirs
; The machine file named by /MACHINECONFIG=, if any (read at install time, not bundled).
Source: "{param:MachineConfig}"; DestDir: "{commonappdata}\wardchart"; \
    DestName: "wardchart.toml"; Check: MachineConfigGiven; \
    Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall

[Code]
function MachineConfigGiven: Boolean;
begin
  Result := ExpandConstant('{param:MachineConfig}') <> '';
end;

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\wardchart.exe"; Comment: "Neutropenia chart"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\wardchart.exe"; Description: "Start {#AppName}"; \
    Flags: nowait postinstall skipifsilent
