"""The facts model and the loader that builds it from a YAML facts file."""
