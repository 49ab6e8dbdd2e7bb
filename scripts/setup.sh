#!/usr/bin/env bash
# Set up Storyport on a fresh Debian/Ubuntu machine, then run it or its tests.
#   scripts/setup.sh run [ARGS...]   set up, then `python main.py ARGS...` (the reader by default)
#   scripts/setup.sh test [PYTEST ARGS...]  set up, then the whole test suite (offscreen)
#   scripts/setup.sh deps            set up only
# Idempotent: a second run installs nothing and starts at once.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(ffmpeg libpulse0 libegl1 libxkbcommon0 libxkbcommon-x11-0 libgl1 libfontconfig1
                 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
                 libxcb-xinerama0 libxcb-randr0 libxcb-image0 libxcb-render-util0 fonts-dejavu-core
                 # the shared library's server: scripts/library.sh and tests/library start
                 # throwaway clusters with its initdb and pg_ctl (docs/LIBRARY.md)
                 postgresql
                 # the web edition's tests drive Debian's chromium through Playwright (tests/web)
                 chromium
                 # packaging (scripts/package.sh, tests in .ci/run): .desktop validation
                 desktop-file-utils
                 # packaging: readelf/objdump (PyInstaller, depends.py), the MIME cache, gcc (x265_stub.c)
                 binutils shared-mime-info gcc
                 # type for every script (docs/FONTS.md): Chinese
                 fonts-wqy-microhei)
VENV=${STORYPORT_VENV:-.venv}
PY=${PYTHON:-python3}

missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

stamp="$VENV/.storyport-installed"
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e ".[test,package]"
  echo "$want" > "$stamp"
fi
# the interface's translations (ui/translations/*.ts -> .qm, docs/GLOSSARY.md), when changed
for ts in ui/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm=${ts%.ts}.qm
  [ "$qm" -nt "$ts" ] || "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
done

action=${1:-run}
shift || true
case "$action" in
  deps) exit 0 ;;
  run)
    "$VENV/bin/python" main.py build-bundled >/dev/null
    exec "$VENV/bin/python" main.py "$@" ;;
  test)
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    export STORYPORT_HOME=${STORYPORT_HOME:-$(mktemp -d)}
    "$VENV/bin/lint-imports" --no-cache
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/mypy" story media ui main.py tests
    set +e
    "$VENV/bin/python" -m pytest -q "$@"
    rc=$?
    set -e
    if [ "$rc" -eq 5 ]; then echo "setup: pytest collected no tests" >&2; exit 1; fi
    exit "$rc" ;;
  *) echo "usage: scripts/setup.sh [run|test|deps] [ARGS...]" >&2; exit 2 ;;
esac
