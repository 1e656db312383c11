#!/usr/bin/env bash
# Validate the Linux desktop integration files, as CI does:
#   desktop-file-validate            packaging/linux/<APP_ID>.desktop
#   appstreamcli validate --no-net   packaging/linux/<APP_ID>.metainfo.xml
# and check that both name the app id from desktop_app/appinfo.py.
#
#   packaging/validate.sh
#
# Exits non-zero if a validator reports an error (desktop-file-validate) or an error or warning
# (appstreamcli), or if either tool is missing. Infos, hints and pedantic notes are printed only.
# On Debian/Ubuntu the tools come from: apt-get install desktop-file-utils appstream
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(dirname -- "$here")

app_id=$(sed -n 's/^APP_ID *= *"\([^"]*\)".*/\1/p' "$repo/desktop_app/appinfo.py")
if [[ -z $app_id ]]; then
    echo "validate.sh: cannot read APP_ID from desktop_app/appinfo.py" >&2
    exit 1
fi
desktop="$here/linux/$app_id.desktop"
metainfo="$here/linux/$app_id.metainfo.xml"

status=0
fail() {
    echo "FAIL: $*" >&2
    status=1
}

missing=()
command -v desktop-file-validate >/dev/null 2>&1 || missing+=("desktop-file-validate (package desktop-file-utils)")
command -v appstreamcli >/dev/null 2>&1 || missing+=("appstreamcli (package appstream)")
if ((${#missing[@]})); then
    for tool in "${missing[@]}"; do
        echo "validate.sh: required tool not found: $tool" >&2
    done
    echo "validate.sh: install them with: apt-get install desktop-file-utils appstream" >&2
    exit 2
fi

for f in "$desktop" "$metainfo"; do
    [[ -f $f ]] || fail "missing $f"
done
((status == 0)) || exit "$status"

echo "== desktop-file-validate ${desktop#"$repo"/}"
# desktop-file-validate exits non-zero on errors; warnings are also treated as failures here.
if ! out=$(desktop-file-validate "$desktop" 2>&1); then
    printf '%s\n' "$out"
    fail "desktop-file-validate reported errors"
else
    [[ -z $out ]] || printf '%s\n' "$out"
    if grep -q ': warning: ' <<<"$out"; then
        fail "desktop-file-validate reported warnings"
    fi
fi

echo "== appstreamcli validate --no-net ${metainfo#"$repo"/}"
# appstreamcli exits non-zero on errors and warnings (not on infos/pedantic); --pedantic only adds output.
if ! appstreamcli validate --no-net --pedantic "$metainfo"; then
    fail "appstreamcli validate reported errors or warnings"
fi

echo "== consistency with desktop_app/appinfo.py (APP_ID=$app_id)"
grep -qx "Icon=$app_id" "$desktop" || fail ".desktop Icon= is not $app_id"
grep -qx "StartupWMClass=$app_id" "$desktop" || fail ".desktop StartupWMClass= is not $app_id"
grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo <id> is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "metainfo <launchable> is not $app_id.desktop"
version=$(sed -n 's/^__version__ *= *"\([^"]*\)".*/\1/p' "$repo/desktop_app/appinfo.py")
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no <release> for version $version"
for size in 16 22 24 32 48 64 128 256 512; do
    [[ -f $repo/resources/icons/hicolor/${size}x$size/apps/$app_id.png ]] \
        || fail "missing icon resources/icons/hicolor/${size}x$size/apps/$app_id.png"
done
[[ -f $repo/resources/icons/hicolor/scalable/apps/$app_id.svg ]] \
    || fail "missing icon resources/icons/hicolor/scalable/apps/$app_id.svg"

if ((status == 0)); then
    echo "OK: desktop entry and AppStream metainfo are valid"
fi
exit "$status"
