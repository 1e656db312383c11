"""Before Qt loads its X11 platform plugin: are the system libraries it needs installed?

Qt's ``xcb`` plugin links against a dozen small X libraries that minimal Linux installations lack.
When one is missing Qt aborts with a core dump that names the wrong library ("xcb-cursor0"). This
module tries each library the way the plugin will (``dlopen`` by its soname, which is what the
plugin loads anyway) and, if any is missing, the window says which and how to install them, and
exits with status 1. It imports nothing from Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

__all__ = ["XCB_LIBRARIES", "missing_xcb_libraries", "uses_xcb", "xcb_problem"]

XCB_LIBRARIES: dict[str, str] = {
    # soname: the Debian/Ubuntu package that provides it
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
"""Every X library ``libqxcb.so`` and ``libQt6XcbQpa.so`` need, from ``ldd`` (PySide6 6.7–6.10)."""


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will load its X11 (xcb) plugin: Linux/BSD, asked for or the default on X11."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    requested = env.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _loadable(soname: str) -> bool:
    import ctypes  # only where X11 is used: offscreen, Wayland and other systems never need it

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_libraries(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The sonames of :data:`XCB_LIBRARIES` that cannot be loaded, in table order."""
    return [soname for soname in XCB_LIBRARIES if not loadable(soname)]


def xcb_problem(
    environ: Mapping[str, str] | None = None, loadable: Callable[[str], bool] = _loadable
) -> str | None:
    """What to tell the reader if the window cannot open on X11 for want of libraries, else None."""
    if not uses_xcb(environ):
        return None
    missing = missing_xcb_libraries(loadable)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[m] for m in missing))
    return (
        "report-viewer: cannot open the window: Qt's X11 platform plugin needs system libraries that are "
        f"missing: {', '.join(missing)}.\n"
        f"Install them (Debian, Ubuntu) with:\n    sudo apt-get install {packages}\n"
        "The commands validate, info, search and export work without a window."
    )
