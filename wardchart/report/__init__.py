"""Printable documents painted onto any QPagedPaintDevice (issue 4)."""
