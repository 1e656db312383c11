"""Custom item-data roles shared by the item models and the views over them."""

from __future__ import annotations

from PySide6.QtCore import Qt

DOMAIN_ROLE = Qt.ItemDataRole.UserRole + 1  # the core object behind an index
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # a NodeKind
NODE_PATH_ROLE = Qt.ItemDataRole.UserRole + 3  # a stable path such as "goal/g1-growth/ind-…"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 4  # the dataset id of the object, if it has one
SORT_ROLE = Qt.ItemDataRole.UserRole + 5  # a value that sorts naturally (numbers as numbers)
HIT_COUNT_ROLE = Qt.ItemDataRole.UserRole + 6  # search hits in a node and below it
