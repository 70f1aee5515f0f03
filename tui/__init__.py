"""accord: read and compare diplomatic statements in the terminal.

The core modules (corpus, clean, sentences, align, commitments, ...) take plain
data and return frozen dataclasses; they import neither textual nor rich.
"""

__version__ = "0.1.0"
