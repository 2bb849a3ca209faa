"""quizgen: one curated facts file in, Anki decks, printable quizzes and HTML self-tests out."""

__version__ = "0.1.0"
