"""Build ``data/linzi-2024.json`` from the raw article and the Linzi report's editorial tables.

The JSON file is the product; this command is how it was made and is kept so the repairs and
spans can be re-derived and reviewed. The tables are in ``tools/reports/linzi_2024.py``, the
generic assembly in ``tools/dataset_builder.py``. ``tests/core/test_bundled_dataset.py`` checks
that running it reproduces the committed file byte for byte.

Usage: ``python tools/build_linzi_2024.py [--check]``
"""

from __future__ import annotations

import argparse

from tools.dataset_builder import run
from tools.reports.linzi_2024 import TABLES


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed JSON differs")
    args = parser.parse_args()
    return run(TABLES, check=args.check)


if __name__ == "__main__":
    raise SystemExit(main())
