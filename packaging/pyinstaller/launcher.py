"""PyInstaller entry script: run ``desktop_app.cli.main`` like the ``report-viewer`` console script.

The bundle is one console executable: ``report-viewer`` opens the window, ``report-viewer open PATH``
opens a dataset, ``report-viewer validate`` and the other commands print to the terminal.

``desktop_app/__main__.py`` is not used as the frozen script itself because PyInstaller runs its
entry script as a top-level ``__main__`` module: relative imports inside the package would fail
and a missing ``if __name__ == "__main__"`` guard would silently do nothing. Importing ``main``
and calling it is exactly what the pip-installed ``report-viewer`` launcher does.
"""

from desktop_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
