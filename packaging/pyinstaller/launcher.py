"""PyInstaller entry script: run ``desktop_app.__main__.main`` like the ``report-viewer`` gui-script.

``desktop_app/__main__.py`` is not used as the frozen script itself because PyInstaller runs its
entry script as a top-level ``__main__`` module: relative imports inside the package would fail
and a missing ``if __name__ == "__main__"`` guard would silently do nothing. Importing ``main``
and calling it is exactly what the pip-installed ``report-viewer`` launcher does.
"""

from desktop_app.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
