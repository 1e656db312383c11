#!/usr/bin/env bash
# Build the sdist, then the wheel from it; install that wheel (not editable) into a fresh virtual
# environment and run the app's headless commands from a directory outside the checkout: proof that
# the sdist is complete, and that data/ and resources/ ship in the wheel and are found through the
# package, not the source tree.
#
#   packaging/check_wheel.sh [PYTHON]
set -euo pipefail

python=${1:-python3}
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The wheel is built from the sdist, which proves the sdist holds everything the wheel needs.
"$python" -m build --sdist --outdir "$work/sdist" "$repo" >/dev/null
tar -xzf "$work"/sdist/report_viewer-*.tar.gz -C "$work/sdist"
"$python" -m pip wheel --no-deps --quiet -w "$work/dist" "$work"/sdist/report_viewer-*/
wheel=$(ls "$work"/dist/report_viewer-*.whl)
echo "built $(basename "$(ls "$work"/sdist/report_viewer-*.tar.gz)") and from it"
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
# The listing goes to a file: `zipfile -l | grep -q` fails under pipefail when grep stops reading early.
"$python" -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$wheel" >"$work/members"
for member in desktop_app/_bundled/data/linzi-2024.json desktop_app/_bundled/data/schema/report.schema.json \
              desktop_app/_bundled/data/series.json \
              desktop_app/_bundled/data/national/index.json desktop_app/_bundled/data/national/2025.json \
              desktop_app/_bundled/data/national/2025.source.txt \
              desktop_app/_bundled/resources/fonts/NotoSansCJKsc-Regular.subset.otf; do
    grep -qxF "$member" "$work/members" || { echo "wheel lacks $member" >&2; exit 1; }
done

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel"
cd "$work"  # nowhere near the checkout
export QT_QPA_PLATFORM=offscreen
"$work/venv/bin/report-viewer" --version
"$work/venv/bin/report-viewer-gui" --version
"$work/venv/bin/report-viewer" validate
# The library finds the bundled national collection through the package and can open a report of it.
export REPORT_VIEWER_DATA_DIR="$work/library"
national=$("$work/venv/bin/report-viewer" library list --json --collection national)
"$work/venv/bin/python" -c 'import json, sys; entries = json.loads(sys.argv[1]); assert len(entries) == 52, len(entries)' "$national"
"$work/venv/bin/report-viewer" validate "$("$work/venv/bin/python" -c 'import json, sys; print(json.loads(sys.argv[1])[0]["path"])' "$national")"
"$work/venv/bin/report-viewer" export --format csv -o "$work/figures.csv"
if "$work/venv/bin/python" -c "import desktop_app.qt.printing" 2>/dev/null; then
    "$work/venv/bin/report-viewer" export --format pdf -o "$work/report.pdf"
fi
echo "wheel check OK"
