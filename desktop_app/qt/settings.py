"""The reader's settings: one typed accessor per setting over :class:`QSettings`.

Every value read back is checked, because a settings file outlives versions and can be edited or
damaged by hand: a value of the wrong type, an unknown choice or a layout that would squeeze a pane
to nothing is ignored (the default applies), and lists are capped when read, not only when written.
Writing ends with :meth:`Settings.sync`, which checks ``QSettings.status()`` so that settings that
cannot be written are reported instead of dropped without notice.

:func:`open_settings` gives the reader's settings; where they are files (Linux and other Unixes)
each file that Qt would read is checked first: one that is not a regular file (a named pipe, which
Qt would wait on for ever before the window appears; a link to a device) is never opened, and the
settings live in a private file for the session, :meth:`Settings.sync` saying why.
"""

from __future__ import annotations

import enum
import logging
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from desktop_app.core.language import Language
from desktop_app.core.paper import paper_names

__all__ = [
    "MAX_RECENT",
    "MIN_PANE",
    "PAGE_SIZES",
    "TARGETS_LAYOUTS",
    "PrintScopeChoice",
    "Settings",
    "open_settings",
    "settings_files",
]

log = logging.getLogger(__name__)

MAX_RECENT = 8
"""How many recent files File › Open Recent lists."""
MIN_PANE = 24
"""Saved splitter sizes that leave a pane narrower than this (pixels) are not restored."""
PAGE_SIZES = paper_names()
"""The paper sizes File › Paper size offers (one table: :mod:`desktop_app.core.paper`)."""
TARGETS_LAYOUTS = ("list", "grid")
"""How Targets & outcomes shows its pairs (its Show as box); the first is the default."""

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitterSizes/"
_NODE = "window/selectedNode"
_RECENT = "files/recent"
_RECENT_REPORTS = "library/recent"
_LANGUAGE = "ui/language"
_PRINT_SCOPE = "print/scope"
_PAGE_SIZE = "print/pageSize"
_DOCUMENT_LANGUAGE = "print/documentLanguage"
_SHOW_UNREVIEWED = "view/showUnreviewed"
_TARGETS_LAYOUT = "targets/layout"


class PrintScopeChoice(enum.StrEnum):
    """What File › Print, Preview and Export cover (the File-menu choice, before it is resolved)."""

    SELECTED = "selected"
    """The selected goal area, else the whole report."""
    ALL = "all"
    FIGURES = "figures"


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, bytes):
        value = QByteArray(value)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return []


class Settings:
    """Typed access to the application's settings.

    Args:
        store: the QSettings to read and write (the user's, or an isolated file in tests).
        problem: why the reader's own settings are not used this session (None: they are);
            :meth:`sync` then reports it.
    """

    def __init__(self, store: QSettings, problem: str | None = None) -> None:
        self._store = store
        self._problem = problem

    @property
    def store(self) -> QSettings:
        return self._store

    def file_name(self) -> str:
        return self._store.fileName()

    # --- window --------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return _bytes(self._store.value(_GEOMETRY))

    def set_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, geometry)

    def window_state(self) -> QByteArray | None:
        return _bytes(self._store.value(_STATE))

    def set_window_state(self, state: QByteArray) -> None:
        self._store.setValue(_STATE, state)

    def splitter_sizes(self, name: str, count: int) -> list[int] | None:
        """The saved sizes of splitter ``name`` with ``count`` panes, if usable.

        None when nothing usable is saved: the wrong number of sizes, values that are not whole
        numbers, or a pane squeezed below :data:`MIN_PANE` (the default layout applies then).
        """
        value = self._store.value(_SPLITTER + name)
        if not isinstance(value, list) or len(value) != count:
            return None
        try:
            sizes = [int(v) for v in value]
        except (TypeError, ValueError):
            return None
        if any(size < MIN_PANE for size in sizes):
            return None
        return sizes

    def set_splitter_sizes(self, name: str, sizes: Sequence[int]) -> None:
        self._store.setValue(_SPLITTER + name, [int(s) for s in sizes])

    def clear_layout(self) -> None:
        """Forget the saved window state and splitter sizes (View › Reset layout)."""
        self._store.remove(_STATE)
        self._store.remove(_SPLITTER.rstrip("/"))

    def selected_node(self) -> str | None:
        value = self._store.value(_NODE)
        return value if isinstance(value, str) and value else None

    def set_selected_node(self, path: str) -> None:
        self._store.setValue(_NODE, path)

    # --- choices -------------------------------------------------------------------------------

    def language(self) -> Language | None:
        """The UI language the reader chose, or None for the system's."""
        value = self._store.value(_LANGUAGE)
        if value in ("zh_CN", "zh", Language.ZH):
            return Language.ZH
        if value == Language.EN:
            return Language.EN
        return None

    def set_language(self, language: Language | None) -> None:
        # Stored as Qt's catalogue name ("zh_CN"/"en", "" for the system's), as earlier versions did.
        self._store.setValue(_LANGUAGE, language.qt_name if language is not None else "")

    def print_scope(self) -> PrintScopeChoice:
        value = self._store.value(_PRINT_SCOPE)
        try:
            return PrintScopeChoice(value) if isinstance(value, str) else PrintScopeChoice.SELECTED
        except ValueError:
            return PrintScopeChoice.SELECTED

    def set_print_scope(self, choice: PrintScopeChoice) -> None:
        self._store.setValue(_PRINT_SCOPE, str(choice))

    def page_size(self) -> str:
        value = self._store.value(_PAGE_SIZE)
        return value if value in PAGE_SIZES else PAGE_SIZES[0]

    def set_page_size(self, size: str) -> None:
        if size in PAGE_SIZES:
            self._store.setValue(_PAGE_SIZE, size)

    def document_language(self) -> Language:
        """The language of printed and exported documents (File › Document language; else Chinese)."""
        return Language.EN if self._store.value(_DOCUMENT_LANGUAGE) == Language.EN else Language.ZH

    def set_document_language(self, language: Language) -> None:
        self._store.setValue(_DOCUMENT_LANGUAGE, str(language))

    def show_unreviewed(self) -> bool:
        """Whether View › Show unreviewed figures is on (off unless the reader turned it on)."""
        value = self._store.value(_SHOW_UNREVIEWED)
        return value is True or value in ("true", "1", 1)

    def set_show_unreviewed(self, shown: bool) -> None:
        self._store.setValue(_SHOW_UNREVIEWED, bool(shown))

    def targets_layout(self) -> str:
        """Targets & outcomes as ``"list"`` or ``"grid"`` (its Show as box; else the list)."""
        value = self._store.value(_TARGETS_LAYOUT)
        return value if isinstance(value, str) and value in TARGETS_LAYOUTS else TARGETS_LAYOUTS[0]

    def set_targets_layout(self, name: str) -> None:
        if name in TARGETS_LAYOUTS:
            self._store.setValue(_TARGETS_LAYOUT, name)

    # --- recent files --------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """The recent datasets, newest first, at most :data:`MAX_RECENT` (capped when read)."""
        return self._recent(_RECENT)

    def add_recent_file(self, path: str) -> list[str]:
        """Put ``path`` first in the recent files; returns the new list."""
        recent = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
        self._store.setValue(_RECENT, recent)
        return recent

    # --- library -------------------------------------------------------------------------------

    def recent_reports(self) -> list[str]:
        """The library entries opened last (their ids), newest first, at most :data:`MAX_RECENT`."""
        return self._recent(_RECENT_REPORTS)

    def add_recent_report(self, entry_id: str) -> list[str]:
        """Put a library entry first among the recently opened; returns the new list."""
        recent = [entry_id, *(e for e in self.recent_reports() if e != entry_id)][:MAX_RECENT]
        self._store.setValue(_RECENT_REPORTS, recent)
        return recent

    def remove_recent_report(self, entry_id: str) -> None:
        """Forget a library entry that was removed."""
        self._store.setValue(_RECENT_REPORTS, [e for e in self.recent_reports() if e != entry_id])

    def _recent(self, key: str) -> list[str]:
        unique: list[str] = []
        for value in _strings(self._store.value(key)):
            if value and value not in unique:
                unique.append(value)
                if len(unique) == MAX_RECENT:
                    break
        return unique

    # --- writing -------------------------------------------------------------------------------

    def sync(self) -> str | None:
        """Write pending changes; returns None, or why they could not be written (logged too)."""
        self._store.sync()
        status = self._store.status()
        if self._problem is not None:
            message = self._problem
        elif status == QSettings.Status.NoError:
            return None
        else:
            reason = "access denied" if status == QSettings.Status.AccessError else "format error"
            message = f"{self._store.fileName()}: {reason}"
        log.warning("settings not saved: %s", message)
        return message


def settings_files(organization: str, application: str) -> list[Path]:
    """The files ``QSettings(organization, application)`` reads here; empty where they are not files.

    On Windows the settings are in the registry and on macOS in property lists that Qt reads its own
    way; elsewhere Qt reads ``ORGANIZATION/APPLICATION.conf`` and ``ORGANIZATION.conf`` in the user's
    configuration folder, then in each system one (``$XDG_CONFIG_DIRS``).
    """
    if sys.platform in ("win32", "darwin"):
        return []
    folders = QStandardPaths.standardLocations(QStandardPaths.StandardLocation.GenericConfigLocation)
    return [
        Path(folder, *names)
        for folder in folders
        for names in ((organization, f"{application}.conf"), (f"{organization}.conf",))
    ]


def _not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` must not be opened as a settings file, or None (a regular file, or nothing there)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:  # a symbolic-link loop, a folder that cannot be searched
        return f"{path}: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = (
        "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
    )
    return f"{path}: not a regular file but {kind}"


def open_settings(organization: str, application: str) -> Settings:
    """The reader's settings; for this session only, in a private file, when a settings file is unsafe.

    Args:
        organization: the organisation's name (as ``QCoreApplication.organizationName()``).
        application: the application's name.
    """
    for path in settings_files(organization, application):
        problem = _not_a_regular_file(path)
        if problem is not None:
            import atexit  # only now: nothing of this is needed on the way to the first paint
            import shutil
            import tempfile

            message = f"{problem}; settings are kept for this session only"
            log.warning("settings not read: %s", message)
            folder = tempfile.mkdtemp(prefix="report-viewer-settings-")
            atexit.register(shutil.rmtree, folder, True)
            store = QSettings(str(Path(folder) / "settings.conf"), QSettings.Format.IniFormat)
            return Settings(store, message)
    return Settings(QSettings(organization, application))
