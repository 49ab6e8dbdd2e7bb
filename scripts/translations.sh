#!/usr/bin/env bash
# Refresh the interface's translation sources from the code (docs/GLOSSARY.md says how to translate):
#   scripts/translations.sh          extract every tr() string into ui/translations/storyport_*.ts
# Then translate the new entries (pyside6-linguist, or by hand) and run scripts/setup.sh deps,
# which compiles them to .qm. English's file holds only plural forms ("1 chapter", "2 chapters").
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${STORYPORT_VENV:-.venv}
mapfile -t sources < <(find ui main.py -name '*.py' -not -path '*/__pycache__/*' | sort)
for lang in ru kk zh_CN; do
  "$VENV/bin/pyside6-lupdate" -silent -no-obsolete -locations none -target-language "$lang" \
    "${sources[@]}" -ts "ui/translations/storyport_$lang.ts"
done
"$VENV/bin/pyside6-lupdate" -silent -no-obsolete -locations none -pluralonly -target-language en \
  "${sources[@]}" -ts ui/translations/storyport_en.ts
