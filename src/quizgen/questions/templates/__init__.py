"""Question templates, one module per kind of fact; each yields checked questions for one fact."""
