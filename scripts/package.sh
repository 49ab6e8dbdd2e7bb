#!/usr/bin/env bash
# Build Storyport as a standalone folder (PyInstaller, one folder) and wrap it as a .deb
# (docs/PACKAGING.md). Needs the venv set up by scripts/setup.sh.
#   scripts/package.sh [--fast] [--out DIR]
#     --fast      gzip -1 (tests, CI); the default is xz -9 (a release)
#     --out DIR   where the .deb and the build folders go (default build/package)
# Prints the .deb's path on stdout; sizes and timings on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${STORYPORT_VENV:-.venv}
OUT=build/package
COMPRESS=(-Zxz -z9)
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) COMPRESS=(-Zgzip -z1) ;;
    --out) OUT=$2; shift ;;
    *) echo "usage: scripts/package.sh [--fast] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "package: $*" >&2; }
start=$(date +%s)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PY="$VENV/bin/python"
VERSION=$("$PY" -c 'from importlib.metadata import version; print(version("storyport"))')
ARCH=$(dpkg --print-architecture)
DIST="$OUT/dist" WORK="$OUT/work" ROOTFS="$OUT/root"
DEB="$OUT/storyport_${VERSION}_${ARCH}.deb"
rm -rf "$DIST" "$ROOTFS" "$DEB" "$WORK/story"
mkdir -p "$WORK/story"

# 1. The standalone folder: Python, Qt and our code, no Python needed on the target.
say "PyInstaller (one folder)..."
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
  packaging/storyport.spec >&2
APP="$DIST/storyport"
# pillow-heif's x265 is only its HEIC *encoder*: a stub under the same soname (20 MB less)
for x265 in "$APP"/_internal/pillow_heif.libs/libx265-*.so.*; do
  [ -e "$x265" ] || continue
  gcc -shared -fPIC -O2 -s -Wl,-soname,"$(basename "$x265")" -o "$x265" packaging/x265_stub.c
done
t_app=$(date +%s)

# 2. The bundled story, built now so the first launch opens at once; carried where
#    story/publish/bundled.py looks first (sys.prefix/share/storyport).
say "building the bundled story..."
STORYPORT_HOME="$WORK/story/home" "$PY" main.py build-bundled --out "$WORK/story/bundled.storypkg" \
  >"$WORK/story/build.log" 2>&1 || { cat "$WORK/story/build.log" >&2; exit 1; }
name=$(STORYPORT_HOME="$WORK/story/home" "$PY" -c \
  'from story.publish.bundled import bundled_path; print(bundled_path().name)')
"$PY" packaging/slim_story.py "$WORK/story/bundled.storypkg" >&2
"$PY" main.py validate "$WORK/story/bundled.storypkg" >/dev/null || [ $? -eq 1 ]  # 2 = unreadable
mkdir -p "$APP/_internal/share/storyport"
install -m 0644 "$WORK/story/bundled.storypkg" "$APP/_internal/share/storyport/$name"

# The standalone app finds it (a mismatch would mean a 30-second build on first launch).
probe=$(mktemp -d)
env -i HOME="$probe" STORYPORT_HOME="$probe/home" timeout 120 "$APP/storyport" info >/dev/null
if compgen -G "$probe/home/*.storypkg" >/dev/null; then
  say "the standalone app rebuilt the bundled story instead of using the one it carries"; exit 1
fi
rm -rf "$probe"

# 3. The .deb's tree.
say "assembling the .deb..."
mkdir -p "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/DEBIAN" "$ROOTFS/usr/share/applications" \
  "$ROOTFS/usr/share/mime/packages" "$ROOTFS/usr/share/doc/storyport"
cp -a "$APP" "$ROOTFS/opt/storyport"
ln -s /opt/storyport/storyport "$ROOTFS/usr/bin/storyport"
install -m 0644 packaging/storyport.desktop "$ROOTFS/usr/share/applications/storyport.desktop"
install -m 0644 packaging/storyport-mime.xml "$ROOTFS/usr/share/mime/packages/storyport.xml"
install -m 0644 packaging/copyright "$ROOTFS/usr/share/doc/storyport/copyright"
"$PY" packaging/render_icons.py "$ROOTFS/usr/share/icons/hicolor" >&2
desktop-file-validate "$ROOTFS/usr/share/applications/storyport.desktop" >&2
find "$ROOTFS" -type d -exec chmod 0755 {} +
depends=$("$PY" packaging/depends.py "$APP")
installed_kb=$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
  -e "s/@DEPENDS@/$depends/" packaging/control.in > "$ROOTFS/DEBIAN/control"
dpkg-deb --root-owner-group "${COMPRESS[@]}" --build "$ROOTFS" "$DEB" >&2
end=$(date +%s)

deb_mb=$(( $(stat -c %s "$DEB") / 1000000 ))
say "$(basename "$DEB"): ${deb_mb} MB, installed $(( installed_kb / 1000 )) MB," \
    "glibc >= $("$PY" packaging/depends.py "$APP" --glibc)"
say "took $(( end - start )) s (PyInstaller $(( t_app - start )) s)"
# Budgets (issue 12): installed at most 250 MB; the .deb at most 90 MB as released (xz)
if [ $(( installed_kb * 1024 )) -gt 250000000 ]; then say "over budget: installed > 250 MB"; exit 1; fi
if [ "${COMPRESS[0]}" = "-Zxz" ] && [ "$(stat -c %s "$DEB")" -gt 90000000 ]; then
  say "over budget: the .deb > 90 MB"; exit 1
fi
echo "$DEB"
