"""quizgen: Anki decks and printable quizzes from a vetted, source-anchored fact base."""

__version__ = "0.1.0"
