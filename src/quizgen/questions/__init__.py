"""The question model, the engine that generates questions from facts, and study decks."""
