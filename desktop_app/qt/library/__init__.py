"""The library in the window: its pane (collections → reports) and the controller that opens them.

Modules:
    model: :class:`LibraryModel` (collections → reports) and :class:`LibraryFilter`.
    pane: :class:`LibraryPane`, the dock's contents (object name ``libraryPane``).
    controller: :class:`LibraryController`, opening the catalogue in the background, opening,
        adding and removing reports.
"""
