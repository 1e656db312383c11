"""Run the command line in-process and capture what it prints."""

from __future__ import annotations

import io

from desktop_app.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of ``report-viewer ARGV``."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()
