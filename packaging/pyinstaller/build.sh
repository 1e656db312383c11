#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle of Report Viewer and its release tarball.
#
#   packaging/pyinstaller/build.sh [--no-venv] [--no-smoke] [--python PYTHON]
#
# By default the build does not depend on whatever environment you run it from: it creates a clean
# virtual environment in build/pyinstaller/venv, installs there the runtime dependencies listed in
# pyproject.toml plus PyInstaller, and builds from the source tree (the app itself is not installed).
# The venv is reused by later runs and updated when pyproject.toml changes.
#
#   --no-venv        use PYTHON (default: python3) as it is; it must have the dependencies and PyInstaller
#   --no-smoke       skip the smoke test of the finished bundle (offscreen, from an empty directory:
#                    validate, search with OpenCC and pypinyin, PDF export, window paints its charts)
#   --python PYTHON  interpreter used to create the venv or to build (default: python3)
#
# Output:
#   build/pyinstaller/dist/report-viewer/                    the bundle (run ./report-viewer)
#   dist/report-viewer-<version>-linux-<arch>.tar.gz         report-viewer-<version>/ with the bundle,
#                                                            linux/install.sh, .desktop, metainfo, icons
# Environment: SOURCE_DATE_EPOCH (default: last commit time) sets file times in the tarball.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd -- "$here/../.." && pwd -P)
cd -- "$repo"

use_venv=1
smoke=1
python=python3
while (($#)); do
    case $1 in
        --no-venv) use_venv=0 ;;
        --no-smoke) smoke=0 ;;
        --python)
            (($# >= 2)) || { echo "build.sh: --python needs an argument" >&2; exit 1; }
            python=$2
            shift
            ;;
        -h | --help)
            sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
            exit 0
            ;;
        *) echo "build.sh: unknown argument: $1 (try --help)" >&2; exit 1 ;;
    esac
    shift
done

start=$SECONDS
app_name=report-viewer
build_root="$repo/build/pyinstaller"
version=$(sed -n 's/^__version__ *= *"\([^"]*\)".*/\1/p' desktop_app/appinfo.py)
app_id=$(sed -n 's/^APP_ID *= *"\([^"]*\)".*/\1/p' desktop_app/appinfo.py)
[[ -n $version && -n $app_id ]] || { echo "build.sh: cannot read version/APP_ID from desktop_app/appinfo.py" >&2; exit 1; }
[[ -f desktop_app/__main__.py ]] || { echo "build.sh: desktop_app/__main__.py does not exist yet" >&2; exit 1; }
case $(uname -s) in
    Linux) ;;
    *) echo "build.sh: this script packages a Linux bundle; run PyInstaller with the spec directly elsewhere" >&2; exit 1 ;;
esac
arch=$(uname -m)

mkdir -p "$build_root"
if ((use_venv)); then
    venv="$build_root/venv"
    stamp="$venv/.requirements"
    # Runtime dependencies from pyproject.toml, plus PyInstaller and its community hooks.
    requirements=$("$python" - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as f:
    deps = tomllib.load(f)["project"]["dependencies"]
print("\n".join([*deps, "pyinstaller>=6.10,<7", "pyinstaller-hooks-contrib>=2024.8"]))
PY
)
    if [[ ! -x $venv/bin/python ]] || [[ ! -f $stamp ]] || [[ $(<"$stamp") != "$requirements" ]]; then
        echo "== creating build venv in ${venv#"$repo"/}"
        rm -rf -- "$venv"
        "$python" -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --upgrade pip
        mapfile -t reqs <<<"$requirements"
        "$venv/bin/python" -m pip install --quiet "${reqs[@]}"
        printf '%s' "$requirements" >"$stamp"
    fi
    py="$venv/bin/python"
else
    py=$python
fi
"$py" -m PyInstaller --version >/dev/null 2>&1 \
    || { echo "build.sh: PyInstaller is not installed for $py (pip install pyinstaller)" >&2; exit 1; }
echo "== PyInstaller $("$py" -m PyInstaller --version) with $("$py" --version)"

echo "== building ${app_name} ${version}"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$build_root/work" --distpath "$build_root/dist" \
    packaging/pyinstaller/report-viewer.spec
bundle="$build_root/dist/$app_name"

if ((smoke)); then
    echo "== smoke test"
    # From an empty directory, with its own settings, so that nothing comes from the checkout or from
    # the builder's saved preferences, and nothing is left in them.
    smoke_dir=$(mktemp -d)
    trap 'rm -rf -- "$smoke_dir"' EXIT
    (
        cd -- "$smoke_dir"
        export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$smoke_dir/config XDG_DATA_HOME=$smoke_dir/data \
            XDG_CACHE_HOME=$smoke_dir/cache
        "$bundle/$app_name" validate
        # Traditional characters need OpenCC's dictionaries, pinyin needs pypinyin's: both must be bundled.
        # (`search` exits with status 1 when it finds nothing.)
        for query in 說 linzi; do
            hits=$("$bundle/$app_name" search "$query") \
                || { echo "build.sh: smoke test: 'search $query' failed or found nothing" >&2; exit 1; }
            echo "search $query: $(wc -l <<<"$hits") hits"
        done
        "$bundle/$app_name" export --format pdf -o smoke.pdf
        # The window: prints `painted`, `charts` and `maxrss_kb` lines, then quits by itself.
        if ! probe=$(REPORT_VIEWER_STARTUP_PROBE=1 timeout 60 "$bundle/$app_name" 2>gui.err) \
            || ! grep -q "^charts " <<<"$probe"; then
            cat gui.err >&2
            echo "build.sh: smoke test: the window did not paint its charts" >&2
            exit 1
        fi
        echo "window: painted, charts drawn, peak RSS $(sed -n 's/^maxrss_kb //p' <<<"$probe") kB"
    )
    rm -rf -- "$smoke_dir"
    trap - EXIT
fi

echo "== packaging"
stage="$build_root/stage"
top="$app_name-$version"
rm -rf -- "$stage"
mkdir -p "$stage/$top/linux"
cp -a "$bundle/." "$stage/$top/"
cp packaging/linux/install.sh "packaging/linux/$app_id.desktop" "packaging/linux/$app_id.metainfo.xml" \
    "$stage/$top/linux/"
mkdir -p "$stage/$top/linux/icons"
cp -a resources/icons/hicolor "$stage/$top/linux/icons/"
cp LICENSE "$stage/$top/"
cat >"$stage/$top/README.txt" <<TXT
Report Viewer $version ($arch, Linux)

Run:      ./$app_name            (the GUI; \`./$app_name validate\` and \`./$app_name export ...\` work too)
Menu:     ./linux/install.sh        (adds a menu entry and icon for this folder under ~/.local/share;
                                     ./linux/install.sh --uninstall removes them)
TXT

mkdir -p dist
tarball="$repo/dist/$top-linux-$arch.tar.gz"
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -C "$stage" -cf - "$top" | gzip -n -9 >"$tarball"
rm -rf -- "$stage"

elapsed=$((SECONDS - start))
echo "== done in $((elapsed / 60))m$((elapsed % 60))s"
echo "bundle:  ${bundle#"$repo"/}  $(du -sh "$bundle" | cut -f1)"
echo "tarball: ${tarball#"$repo"/}  $(du -h "$tarball" | cut -f1)"
