"""The question engine: turning selected facts into learner-facing items."""

from quizgen.items.engine import ItemSet, Rejection, build_items, items_for
from quizgen.items.item import ITEM_TYPES, Item, ItemType, Passage

__all__ = ["ITEM_TYPES", "Item", "ItemSet", "ItemType", "Passage", "Rejection", "build_items", "items_for"]
