#!/usr/bin/env bash
# Install (or remove) Report Viewer's desktop integration files:
#   the .desktop entry, the AppStream metainfo and the hicolor icons.
#
#   packaging/linux/install.sh [--exec COMMAND] [--uninstall] [--dry-run]
#
# Environment:
#   PREFIX   installation prefix             (default: $HOME/.local; use /usr/local or /usr system-wide)
#   DESTDIR  staging root for packagers      (default: empty). When set, desktop/icon caches are not
#            touched: the package manager's triggers do that on the target system.
#
# Files go to ${DESTDIR}${PREFIX}/share/{applications,metainfo,icons/hicolor}. Running it again
# overwrites the same files (idempotent); --uninstall removes exactly those files.
#
# The script works from a source checkout (icons in resources/icons/hicolor) and from the unpacked
# PyInstaller tarball (icons beside this script in icons/hicolor). In the tarball the .desktop entry's
# Exec= is pointed at the bundled executable automatically (`.../report-viewer open %f`: the bundle
# is the command line, whose `open` command opens a file in the window); elsewhere it stays
# `report-viewer-gui` (the window's program that a pip install puts on PATH) unless --exec says otherwise.
set -euo pipefail

readonly APP_ID="io.github.reportviewer.ReportViewer"
readonly DEFAULT_EXEC="report-viewer-gui"

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

die() {
    printf 'install.sh: error: %s\n' "$*" >&2
    exit 1
}

mode=install
dry_run=0
exec_cmd=""
exec_args="" # words after the command, before %f
while (($#)); do
    case $1 in
        --uninstall) mode=uninstall ;;
        --dry-run) dry_run=1 ;;
        --exec)
            (($# >= 2)) || die "--exec needs a command"
            exec_cmd=$2
            shift
            ;;
        --exec=*) exec_cmd=${1#--exec=} ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) die "unknown argument: $1 (try --help)" ;;
    esac
    shift
done

prefix=${PREFIX:-$HOME/.local}
destdir=${DESTDIR:-}
[[ $prefix == /* ]] || die "PREFIX must be an absolute path, got: $prefix"
share="${destdir}${prefix}/share"
apps_dir="$share/applications"
metainfo_dir="$share/metainfo"
icons_dir="$share/icons/hicolor"

desktop_src="$script_dir/$APP_ID.desktop"
metainfo_src="$script_dir/$APP_ID.metainfo.xml"
icons_src=""
for candidate in "$script_dir/icons/hicolor" "$script_dir/../../resources/icons/hicolor"; do
    if [[ -d $candidate ]]; then
        icons_src=$(cd -- "$candidate" && pwd -P)
        break
    fi
done

run() {
    if ((dry_run)); then
        printf '+ %s\n' "$*"
    else
        "$@"
    fi
}

# Quote a command for the Exec key (Desktop Entry spec, "The Exec key"): %% for a literal %,
# and double quotes with \ escapes when the command holds reserved characters.
desktop_exec_quote() {
    local s=${1//%/%%}
    if [[ $s =~ [[:space:]\"\'\`\$\\\<\>\~\|\&\;\*\?\#\(\)] ]]; then
        s=${s//\\/\\\\}
        s=${s//\"/\\\"}
        s=${s//\`/\\\`}
        s=${s//\$/\\\$}
        s="\"$s\""
    fi
    printf '%s' "$s"
}

# Collect icon files as paths relative to the hicolor directory: <size>/apps/<APP_ID>.{png,svg}.
icon_files=()
collect_icons() {
    local f
    [[ -n $icons_src ]] || die "icon directory not found (looked in $script_dir/icons/hicolor and resources/icons/hicolor)"
    while IFS= read -r -d '' f; do
        icon_files+=("${f#"$icons_src"/}")
    done < <(find "$icons_src" -path "*/apps/$APP_ID.*" \( -name '*.png' -o -name '*.svg' \) -type f -print0 | sort -z)
    ((${#icon_files[@]})) || die "no icons named $APP_ID.* under $icons_src"
}

refresh_caches() {
    if [[ -n $destdir ]]; then
        echo "DESTDIR is set: skipping desktop and icon cache updates"
        return 0
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        run update-desktop-database -q "$apps_dir" || echo "warning: update-desktop-database failed" >&2
    fi
    # Only refresh an icon cache that a theme index or an existing cache makes meaningful: creating a
    # new cache in ~/.local/share/icons/hicolor would hide icons installed there later by other apps.
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && [[ -f $icons_dir/index.theme || -f $icons_dir/icon-theme.cache ]]; then
        run gtk-update-icon-cache -q -f "$icons_dir" || echo "warning: gtk-update-icon-cache failed" >&2
    fi
    if ((!dry_run)) && [[ -d $icons_dir ]]; then
        touch "$icons_dir" # lets running desktops notice new icons
    fi
}

do_install() {
    [[ -f $desktop_src ]] || die "missing $desktop_src"
    [[ -f $metainfo_src ]] || die "missing $metainfo_src"
    collect_icons

    if [[ -z $exec_cmd && -x $script_dir/../report-viewer && -f $script_dir/../report-viewer ]]; then
        exec_cmd=$(cd -- "$script_dir/.." && pwd -P)/report-viewer
        exec_args="open"
        echo "Using the bundled executable: $exec_cmd"
    fi
    exec_cmd=${exec_cmd:-$DEFAULT_EXEC}

    tmp_file=$(mktemp)
    trap 'rm -f -- "$tmp_file"' EXIT
    local quoted line
    quoted=$(desktop_exec_quote "$exec_cmd")
    while IFS= read -r line || [[ -n $line ]]; do
        if [[ $line == Exec=* ]]; then
            line="Exec=$quoted${exec_args:+ $exec_args} %f"
        fi
        printf '%s\n' "$line"
    done <"$desktop_src" >"$tmp_file"

    run install -Dm644 "$tmp_file" "$apps_dir/$APP_ID.desktop"
    run install -Dm644 "$metainfo_src" "$metainfo_dir/$APP_ID.metainfo.xml"
    local rel
    for rel in "${icon_files[@]}"; do
        run install -Dm644 "$icons_src/$rel" "$icons_dir/$rel"
    done
    refresh_caches
    echo "$( ((dry_run)) && echo 'Would install' || echo 'Installed') Report Viewer desktop files under $share (Exec=$quoted${exec_args:+ $exec_args} %f)"
}

do_uninstall() {
    local removed=0 f
    local -a targets=("$apps_dir/$APP_ID.desktop" "$metainfo_dir/$APP_ID.metainfo.xml")
    if [[ -d $icons_dir ]]; then
        while IFS= read -r -d '' f; do
            targets+=("$f")
        done < <(find "$icons_dir" -path "*/apps/$APP_ID.*" \( -name '*.png' -o -name '*.svg' \) \
            \( -type f -o -type l \) -print0)
    fi
    for f in "${targets[@]}"; do
        if [[ -e $f || -L $f ]]; then
            run rm -f -- "$f"
            removed=$((removed + 1))
        fi
    done
    refresh_caches
    echo "$( ((dry_run)) && echo 'Would remove' || echo 'Removed') $removed Report Viewer file(s) from $share"
}

case $mode in
    install) do_install ;;
    uninstall) do_uninstall ;;
esac
