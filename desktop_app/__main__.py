"""Entry point: ``python -m desktop_app`` and the ``report-viewer`` command."""

from __future__ import annotations

import sys


def main() -> int:
    """Run Report Viewer's command line (the window unless a command is given)."""
    from desktop_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
