"""Renderers: one output format each, from items. They never choose questions."""
