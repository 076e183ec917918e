"""Bytes from the world -> article text: the guarded HTTP fetch, pages, feeds, PDF pages, charsets, near-duplicates.

Plain Python: never imports Django or the rest of ``events``; services do the storing and scheduling.
"""
