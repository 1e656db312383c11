"""The library: every report the app knows, in collections, kept in a SQLite catalogue. No Qt.

A report in the library is an :class:`Entry`; entries belong to a :class:`Collection`:

- ``linzi``: the bundled Linzi 2024 report (``data/linzi-2024.json``), the one that opens first;
- ``national``: the bundled national government work reports 1954–2025 (``data/national/``, built by
  ``tools/build_national.py``);
- ``user``: reports the reader added, copied into the user library folder.

Bundled collections are read-only. The dataset JSON stays the exchange format: the catalogue
(``library.sqlite3`` in the data folder) only remembers what the files say, so a corrupt or missing
catalogue is rebuilt from the files with a message (:attr:`Library.notices`), never a crash.

Searching the library is in its own modules (imported on demand, they pull in the search index):

* :mod:`.search` — one search index over many reports, hits grouped by report;
* :mod:`.index_cache` — that index on disk, rebuilt only for reports that changed;
* :mod:`.trend` — a query's occurrences per 10,000 characters, report by report.

The API (stable; other parts of the app build on it)::

    library = Library.open()              # data folder: $REPORT_VIEWER_DATA_DIR, else
                                          # $XDG_DATA_HOME/report-viewer, else ~/.local/share/report-viewer
    library.collections()                 # [Collection(id, name, name_en, read_only, count)]
    library.entries()                     # every entry, newest year first; entries("national")
    library.get("national/2025")          # an Entry, or None
    report = library.load("national/2025")  # a Report, through the loader and all its checks
    entry = library.add(Path("x.json"))   # copies the dataset and its source in, atomically
    library.remove(entry.id)              # user reports only; deletes only inside the user folder

Entry ids are ``COLLECTION/NAME`` (``linzi/linzi-2024``, ``national/2025``,
``user/report-2024-1a2b3c4d``). An entry whose file fails validation is listed with its
:attr:`Entry.errors` (non-empty means broken), never dropped. Errors are :class:`LibraryError`,
with an English and a Chinese message. Two processes may share one library: every change is one
SQLite transaction (WAL journal, ``BEGIN IMMEDIATE``).
"""

from desktop_app.core.library.entry import Collection, Entry, LibraryError, Notice
from desktop_app.core.library.library import DEFAULT_REPORT, Library, default_data_dir

__all__ = [
    "DEFAULT_REPORT",
    "Collection",
    "Entry",
    "Library",
    "LibraryError",
    "Notice",
    "default_data_dir",
]
