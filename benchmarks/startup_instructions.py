"""Start-up counted in instructions, per stage, from the interpreter's start to the first paint.

Wall and CPU time drift by ±20 % on a shared machine; valgrind's callgrind counts instructions,
which repeat to well under 1 %. Each tree is run as ``report-viewer`` alone (the window on the
bundled report), offscreen, with ``PYTHONHASHSEED=0`` and a fresh ``HOME``, and stops at its first
paint. Stage boundaries are ``time.tzset()`` calls, and callgrind dumps its counters before each
(``--dump-before=time_tzset``):

* interpreter: from the start to the first line of the child (site, encodings);
* imports: ``desktop_app.cli`` and, as the command line imports it, ``desktop_app.qt.app``, with
  everything they import;
* application: the rest of the command line, QApplication, fonts, style sheet, logging, settings
  (up to ``load_report``);
* load: ``load_report()`` of the bundled report;
* window: building the window, showing it, up to its first paint.

Run: ``python -m benchmarks.startup_instructions [TREE ...]`` (default: this checkout). A TREE is
a source checkout put first on ``PYTHONPATH``, so an older commit's worktree runs with this venv.
Needs ``valgrind``; each run takes a minute or two.
"""

from __future__ import annotations

import argparse
import compileall
import glob
import os
import subprocess
import sys
import tempfile
from pathlib import Path

STAGES = ("interpreter", "imports", "application", "load", "window")

_CHILD = r"""
import os, sys, time
time.tzset()  # end of 'interpreter'


def patch(qa):
    # Called when desktop_app.qt.app has been imported (by the command line, as it would be).
    time.tzset()  # end of 'imports'
    real_load = qa.load_report
    loaded = []

    def load_report(*args, **kwargs):
        if not loaded:
            time.tzset()  # end of 'application'
        report = real_load(*args, **kwargs)
        if not loaded:
            loaded.append(True)
            time.tzset()  # end of 'load'
        return report

    class Probe(qa.QObject):
        def __init__(self, window):
            super().__init__(window)
            window.first_painted.connect(self.painted)

        def painted(self):
            time.tzset()  # end of 'window'
            sys.stdout.flush()
            os._exit(0)

    qa.load_report = load_report
    qa.StartupProbe = Probe


class AfterWindowModule:  # a meta path finder (importlib.abc would be imported for nothing)
    def find_spec(self, name, path, target=None):
        if name != "desktop_app.qt.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


import importlib.util
sys.meta_path.insert(0, AfterWindowModule())
os.environ["REPORT_VIEWER_STARTUP_PROBE"] = "1"
from desktop_app.cli import main
sys.exit(main([]))
"""


def _parse_totals(outfile_prefix: str) -> list[int]:
    """Instructions of each dump, in order (``callgrind.out.PID.1`` ... and the final dump)."""
    files = glob.glob(outfile_prefix + "*")

    def order(name: str) -> int:
        suffix = name[len(outfile_prefix) :].lstrip(".")
        return int(suffix) if suffix.isdigit() else 10**6

    totals = []
    for name in sorted(files, key=order):
        with open(name, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("summary:") or line.startswith("totals:"):
                    totals.append(int(line.split()[1]))
                    break
    return totals


def measure(tree: Path) -> dict[str, int]:
    """Instructions per stage for the source tree ``tree``."""
    compileall.compile_dir(tree / "desktop_app", quiet=1)  # as an installed app has its bytecode
    with tempfile.TemporaryDirectory() as work:
        home = Path(work) / "home"
        home.mkdir()
        child = Path(work) / "child.py"
        child.write_text(_CHILD, encoding="utf-8")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PYTHON", "XDG_", "QT_")) and k != "REPORT_VIEWER_STARTUP_PROBE"
        }
        env.update(
            HOME=str(home),
            PYTHONHASHSEED="0",
            PYTHONPATH=str(tree),
            QT_QPA_PLATFORM="offscreen",
        )
        prefix = str(Path(work) / "callgrind.out")
        command = [
            "valgrind",
            "--tool=callgrind",
            "--dump-before=time_tzset",
            f"--callgrind-out-file={prefix}",
            sys.executable,
            str(child),
        ]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{tree}: exit {result.returncode}\n{result.stderr[-3000:]}")
        totals = _parse_totals(prefix)
    if len(totals) < len(STAGES):
        raise RuntimeError(f"{tree}: {len(totals)} dumps, expected {len(STAGES)}+")
    return dict(zip(STAGES, totals[: len(STAGES)], strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, help="source checkouts (default: this one)")
    args = parser.parse_args()
    trees = args.trees or [Path(__file__).resolve().parent.parent]
    results = {str(tree): measure(tree.resolve()) for tree in trees}
    names = list(results)
    print("| stage (million instructions) | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for stage in (*STAGES, "total"):
        row = []
        for name in names:
            stages = results[name]
            value = sum(stages.values()) if stage == "total" else stages[stage]
            row.append(f"{value / 1e6:,.0f}")
        print(f"| {stage} | " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
