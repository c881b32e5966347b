"""The question engine: turning selected facts into learner-facing items."""

from quizgen.items.engine import ItemSet, Rejection, build_items, items_for
from quizgen.items.item import ITEM_TYPES, LETTERS, Item, ItemType, Passage, answer_text

__all__ = ["ITEM_TYPES", "LETTERS", "Item", "ItemSet", "ItemType", "Passage", "Rejection", "answer_text", "build_items",
           "items_for"]
