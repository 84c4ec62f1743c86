"""Printable documents painted onto any QPagedPaintDevice."""
