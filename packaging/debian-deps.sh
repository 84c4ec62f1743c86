#!/bin/sh
# Install the Debian packages wardchart needs, if any are missing (root, or via sudo).
#   packaging/debian-deps.sh run    Qt's system libraries (offscreen and X11) and a font
#   packaging/debian-deps.sh test   the above, plus PDF tools and Xvfb for tests/screenshots,
#                                   and PostgreSQL's server (the ward hub's tests start their
#                                   own throwaway cluster with its initdb and pg_ctl)
# Package list derived from the PySide6 wheel's shared-library needs.
set -eu
RUN="libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
fonts-dejavu-core libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"
TEST="poppler-utils xvfb xauth"
case "${1:-run}" in
  run) wanted="$RUN" ;;
  test) wanted="$RUN $TEST" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
if ! command -v dpkg >/dev/null 2>&1; then
  echo "debian-deps: not a Debian-like system; install Qt 6's X11/EGL libraries and a font yourself" >&2
  exit 0
fi
python3 -c "import ensurepip, venv" 2>/dev/null || wanted="$wanted python3-venv"
missing=""
for package in $wanted; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
# The server binaries may come from any postgresql-NN package: look for initdb itself.
if [ "${1:-run}" = test ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  && ! command -v initdb >/dev/null 2>&1; then
  missing="$missing postgresql"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "debian-deps: as root, run: apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
echo "debian-deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
