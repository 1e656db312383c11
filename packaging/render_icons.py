"""Render the application icon into the freedesktop hicolor theme layout.

Reads ``resources/icons/report-viewer.svg`` and writes::

    resources/icons/hicolor/scalable/apps/<APP_ID>.svg
    resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png   for each size in SIZES

Rendering uses QtSvg's ``QSvgRenderer`` onto a transparent ``QImage``, so no
display is needed (the script forces ``QT_QPA_PLATFORM=offscreen`` unless set).

Usage::

    python packaging/render_icons.py            # regenerate everything
    python packaging/render_icons.py --check    # exit 1 if any output is missing or stale
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from pathlib import Path

# Before any Qt import: no display is needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "icons" / "report-viewer.svg"
HICOLOR = REPO / "resources" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_id() -> str:
    """Read APP_ID from desktop_app/appinfo.py without importing the package."""
    tree = ast.parse((REPO / "desktop_app" / "appinfo.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "APP_ID" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise SystemExit("APP_ID not found in desktop_app/appinfo.py")


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """Render the SVG to a square transparent PNG of ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image.convertToFormat(QImage.Format.Format_ARGB32)):
        raise SystemExit(f"failed to encode {size}px PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only verify that outputs are up to date")
    args = parser.parse_args(argv)

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"QSvgRenderer cannot read {SOURCE}")

    name = app_id()
    outputs: dict[Path, bytes] = {
        HICOLOR / "scalable" / "apps" / f"{name}.svg": SOURCE.read_bytes(),
    }
    for size in SIZES:
        outputs[HICOLOR / f"{size}x{size}" / "apps" / f"{name}.png"] = render_png(renderer, size)

    stale = [path for path, data in outputs.items() if not path.is_file() or path.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"stale or missing: {path.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0

    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{'wrote' if path in stale else 'unchanged':9} {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
