"""The govlens command line: a thin layer over :mod:`govlens.pipeline.runner`, the index engine and the sandbox.

One module per group of commands (``*_commands.py``: its parsers and what it prints); the work itself is in
the stages. ``args`` words argparse in the user's language; ``entry`` runs a command and says its error.
"""
from govlens.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
