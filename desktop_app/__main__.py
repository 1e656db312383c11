"""Entry points: ``python -m desktop_app`` (the command line) and the ``report-viewer-gui`` script.

``python -m desktop_app`` is ``report-viewer``: the window without a command, the commands when
given. :func:`main` is the window's own entry (``report-viewer-gui [PATH]``), a GUI-subsystem
program on Windows that has no console to print to.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Open the window on the bundled report or on the path given (``report-viewer-gui``)."""
    from desktop_app.cli import gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    from desktop_app.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))
