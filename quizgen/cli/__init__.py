"""The command line: thin wrappers over the library, one module per group of commands."""

from quizgen.cli.app import app, main

__all__ = ["app", "main"]
