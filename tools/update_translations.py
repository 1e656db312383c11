"""Refresh the UI translations: lupdate the sources, lrelease the .qm files, and check the catalogues.

Usage:
    python tools/update_translations.py          # update the .ts from the sources, compile the .qm
    python tools/update_translations.py --check  # exit 1 if a string is untranslated, filed under an
                                                 # empty or unknown context, or the .qm is stale

The Chinese .ts file is the single source of truth for interface words: new strings arrive there as
``type="unfinished"``; translate them in Qt Linguist or in the XML, then run this again. (Domain
words — kinds, modifiers, scopes, summary headings — are not Qt translations: they live in
``desktop_app/core/words.py``.)

The English .ts holds only the strings with a count (``tr("%n figure(s)", "", n)``, lupdate
``-pluralonly``): the source text is English already, but only a catalogue gives it its plural forms
("1 figure", "2 figures"). Fill both ``<numerusform>`` of each new one.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_SOURCES = ROOT / "desktop_app" / "qt"
TS = ROOT / "resources" / "translations" / "report_viewer_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = ROOT / "resources" / "translations" / "report_viewer_en.ts"
"""English plural forms only: the source strings are English."""
CATALOGUES = ((TS, ("-target-language", "zh_CN")), (EN_TS, ("-pluralonly", "-target-language", "en")))


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in QT_SOURCES.rglob("*.py"))


def known_contexts() -> set[str]:
    """The contexts strings may be filed under: classes of the Qt layer and explicit translate() contexts."""
    found: set[str] = set()
    for name in sources():
        text = (ROOT / name).read_text(encoding="utf-8")
        found.update(re.findall(r"^\s*class\s+(\w+)", text, flags=re.MULTILINE))
        found.update(re.findall(r"translate\(\s*\"(\w+)\"", text))
    return found


def find_tool(name: str) -> str:
    """A Qt tool that comes with PySide6: beside this Python first (a venv not on PATH), then on PATH."""
    suffix = ".exe" if os.name == "nt" else ""
    beside = Path(sys.executable).parent / f"{name}{suffix}"
    if beside.is_file():
        return str(beside)
    on_path = shutil.which(name)
    if on_path is None:
        raise SystemExit(f"{name} not found beside {sys.executable} or on PATH; it comes with PySide6")
    return on_path


def _run(*args: str) -> None:
    subprocess.run([find_tool(args[0]), *args[1:]], check=True, cwd=ROOT, capture_output=True)


def lupdate(ts: Path, options: tuple[str, ...] = ()) -> None:
    _run("pyside6-lupdate", *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none", *options)


def problems(ts: Path) -> list[str]:
    """Untranslated strings, and strings filed under an empty or unknown context (never found at run time)."""
    contexts = known_contexts()
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            if name not in contexts:
                found.append(f"in context {name!r}, which no class or translate() call uses: {source!r}")
            if translation.get("type") == "unfinished":
                found.append(f"untranslated in {name}: {source!r}")
            elif message.get("numerus") == "yes" and not all(
                (form.text or "").strip() for form in translation.iter("numerusform")
            ):
                found.append(f"a plural form is empty in {name}: {source!r}")
    return found


def lrelease(ts: Path, qm: Path) -> None:
    _run("pyside6-lrelease", str(ts), "-qm", str(qm))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        failed = False
        for source_ts, options in CATALOGUES:
            compiled = source_ts.with_suffix(".qm")
            with tempfile.TemporaryDirectory() as tmp:
                ts, qm = Path(tmp) / source_ts.name, Path(tmp) / compiled.name
                if source_ts.exists():
                    shutil.copy(source_ts, ts)
                lupdate(ts, options)
                found = problems(ts)
                stale = not source_ts.exists() or not compiled.exists()
                if not stale:
                    lrelease(source_ts, qm)
                    stale = compiled.read_bytes() != qm.read_bytes()
            for problem in found:
                print(f"{source_ts.name}: {problem}")
            if stale:
                print(f"{compiled.name} is out of date: run python tools/update_translations.py")
            failed = failed or bool(found) or stale
        return 1 if failed else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    for ts, options in CATALOGUES:
        qm = ts.with_suffix(".qm")
        lupdate(ts, options)
        found = problems(ts)
        lrelease(ts, qm)
        for problem in found:
            print(problem, file=sys.stderr)
        print(f"{ts.relative_to(ROOT)}: {len(found)} problems; wrote {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
