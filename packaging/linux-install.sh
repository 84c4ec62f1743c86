#!/bin/sh
# Install the Linux one-folder build for all users: program in $OPT (default /opt/wardchart), a launcher
# on the PATH, the desktop entry, icons and AppStream metadata (run as root after a build).
set -eu
cd "$(dirname "$0")/.."
[ -x dist/wardchart/wardchart ] || { echo "build first: packaging/build.sh" >&2; exit 2; }
PREFIX=${PREFIX:-/usr/local}
OPT=${OPT:-/opt/wardchart}
rm -rf "$OPT"
mkdir -p "$(dirname "$OPT")"
cp -a dist/wardchart "$OPT"
rm -f "$OPT"/wardchart-portable*
install -d "$PREFIX/bin"
ln -sf "$OPT/wardchart" "$PREFIX/bin/wardchart"
rm -f "$PREFIX/share/applications/wardchart.desktop"  # its name before 0.1.0
install -Dm644 resources/org.wardchart.Wardchart.desktop \
    "$PREFIX/share/applications/org.wardchart.Wardchart.desktop"
install -Dm644 resources/org.wardchart.Wardchart.metainfo.xml \
    "$PREFIX/share/metainfo/org.wardchart.Wardchart.metainfo.xml"
install -Dm644 resources/wardchart.svg "$PREFIX/share/icons/hicolor/scalable/apps/wardchart.svg"
for size in 16 24 32 48 64 128 256; do
    install -Dm644 "resources/icons/hicolor/${size}x${size}/apps/wardchart.png" \
        "$PREFIX/share/icons/hicolor/${size}x${size}/apps/wardchart.png"
done
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" 2>/dev/null || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
echo "Installed: $PREFIX/bin/wardchart, menu entry 'wardchart'"
