"""The core knows nothing of Qt: checked by import-linter's contract and by importing it alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_no_qt() -> None:
    modules = sorted(p.stem for p in (ROOT / "desktop_app" / "core").glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        + "".join(f"import desktop_app.core.{m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        + "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
