"""Fixtures shared by the selector tests."""

from tests.selectors.writes import stored

__all__ = ["stored"]
