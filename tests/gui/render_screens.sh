#!/bin/sh
# Renders each main screen of emis-school (enrollment, pupils, filtered pupils, pupil form,
# staff, import wizard steps, problems, the status-change dialog, classes, transfers in/out, pupils
# transferred out, a transfer request, problem records, the asset ledger import, the asset register
# with an asset's photos, a stocktake, and score entry with its warnings and analysis) and of emis-bureau (bureau_*: login, county
# figures, drill-down, schools, approvals, problem records, the staff search and a teacher's file;
# against a real emis-server) into PNGs, in
# zh_CN by default, from a demo data folder
# with the shared fixtures imported. Uses the offscreen platform, or Xvfb when asked (XVFB=1).
#   tests/gui/render_screens.sh [BUILD_DIR] [OUT_DIR] [zh_CN|en]
set -eu
build=${1:-build}
out=${2:-$build/screens}
lang=${3:-zh_CN}
cmake --build "$build" --target emis-school-screens emis-bureau-screens
mkdir -p "$out"
for program in emis-school-screens emis-bureau-screens; do
  if [ "${XVFB:-0}" = 1 ]; then
    xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/gui/$program" "$out" "$lang"
  else
    QT_QPA_PLATFORM=offscreen "$build/tests/gui/$program" "$out" "$lang"
  fi
done
# The PDF roster as page images too, when poppler-utils is there.
if command -v pdftoppm >/dev/null && [ -f "$out/7_roster.pdf" ]; then
  pdftoppm -png -r 60 -f 1 -l 1 "$out/7_roster.pdf" "$out/7_roster"
fi
if command -v pdftoppm >/dev/null && [ -f "$out/bureau_7c_staff_file.pdf" ]; then
  pdftoppm -png -r 60 -f 1 -l 1 "$out/bureau_7c_staff_file.pdf" "$out/bureau_7c_staff_file_pdf"
fi
if command -v pdftoppm >/dev/null && [ -f "$out/bureau_3c_drill_class.pdf" ]; then
  pdftoppm -png -r 60 -f 1 -l 1 "$out/bureau_3c_drill_class.pdf" "$out/bureau_3c_drill_class_pdf"
fi
ls -1 "$out"/*.png
