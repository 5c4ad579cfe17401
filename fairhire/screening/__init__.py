"""The compliance screener (SCREENING.md). ``from fairhire.screening import screen``."""

from fairhire.screening.engine import check, screen

__all__ = ["check", "screen"]
