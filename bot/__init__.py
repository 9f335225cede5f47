"""MMIT International Relations Office bot."""

__version__ = "0.1.0"
