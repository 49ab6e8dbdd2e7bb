#!/usr/bin/env bash
# The install test (docs/PACKAGING.md): build the .deb with fast compression, install it
# with dpkg -i, use the installed app as a reader would, remove it. Needs root and a
# machine set up by scripts/setup.sh. Takes minutes, so the main test command leaves it
# out; .ci/run runs it after the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${STORYPORT_VENV:-.venv}
OUT=${STORYPORT_PACKAGE_OUT:-build/package-test}
start=$(date +%s)
deb=$(bash scripts/package.sh --fast --out "$OUT")
built=$(date +%s)
# dpkg -i installs no dependencies: have the .deb's Depends here first, from apt
want=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/,/ /g')
missing=()
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test_package: installing the .deb's Depends: ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export STORYPORT_DEB=$deb QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
set +e
"$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/packaging -s
rc=$?
set -e
end=$(date +%s)
echo "test_package: build $(( built - start )) s, install test $(( end - built )) s" >&2
if [ "$rc" -eq 5 ]; then echo "test_package: no tests collected" >&2; exit 1; fi
exit "$rc"
