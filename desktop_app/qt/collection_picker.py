"""The collection picker shared by the views that work over one library collection.

The term-trends view and the Targets & outcomes view both let a reader choose the collection
(national, Linzi, the reader's own reports): one widget, one way of naming the choices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.core.language import Language
from desktop_app.core.presentation import fill, visible_text

if TYPE_CHECKING:  # the library's modules load when a view first needs them, not at start-up
    from desktop_app.core.library import Collection

__all__ = ["CollectionChoice", "CollectionPicker", "collection_name", "listed_ids"]

CollectionChoice = tuple[str, str]
"""A collection listed: its id and its name as shown."""


def listed_ids(collections: Iterable[Collection]) -> list[str]:
    """The collections a picker lists: every one with reports, in the library's order."""
    return [c.id for c in collections if c.count]


def collection_name(collection: Collection, lang: Language) -> str:
    """A collection's name in the UI language (the Chinese name when it has no English one)."""
    return collection.name_en if lang is Language.EN and collection.name_en else collection.name


class CollectionPicker(QComboBox):
    """A combo box of collections; the reader's pick is :attr:`collection_chosen`.

    Signals:
        collection_chosen(str): the reader picked a collection (its id); never emitted when the
            list is set from code.
    """

    collection_chosen = Signal(str)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(self.tr("Collection"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(self._on_activated)

    def set_collections(self, collections: Iterable[Collection], current: str, lang: Language) -> None:
        """List every collection with reports, named with its count; ``current`` (an id) picked.

        Without ``current`` among them the first is picked.
        """
        self.blockSignals(True)
        self.clear()
        for collection in collections:
            if collection.count:
                name = fill(
                    self.tr("%1 (%n report(s))", "", collection.count), collection_name(collection, lang)
                )
                self.addItem(visible_text(name, 60), collection.id)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(False)
        self.setEnabled(self.count() > 1)

    def choice(self) -> str:
        """The id of the collection shown as picked ("" when the list is empty)."""
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def choices(self) -> list[CollectionChoice]:
        """The collections listed, as (id, name shown)."""
        return [(self.itemData(i), self.itemText(i)) for i in range(self.count())]

    def choose(self, collection_id: str) -> bool:
        """Pick a collection as a reader would (emits :attr:`collection_chosen`); False if not listed."""
        index = self.findData(collection_id)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        self._on_activated(index)
        return True

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        collection_id = self.itemData(index)
        if isinstance(collection_id, str):
            self.collection_chosen.emit(collection_id)
