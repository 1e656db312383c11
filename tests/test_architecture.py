"""The import rules of the package, checked by import-linter's contracts in pyproject.toml.

The contracts replace the earlier subprocess test that imported ``desktop_app.core``'s modules one by
one: they see every module (also the core's subpackages, which that test missed) and every import,
including those inside functions. This test makes the suite fail when a contract breaks or vanishes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = (
    "The core knows nothing of Qt",
    "Layers: cli > app > main window > printing > panes > models > core",
    "pyqtgraph only in desktop_app.qt.charts",
)


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    command = [str(lint_imports)] if lint_imports.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    report = " ".join(result.stdout.split())  # a long contract name is wrapped to the terminal's width
    for name in CONTRACTS:
        assert f"{name} KEPT" in report, name
