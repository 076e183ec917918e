"""Turns article text into event candidates (plain Python: no Django, no events.models)."""
