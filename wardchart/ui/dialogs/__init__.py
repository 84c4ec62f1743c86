"""Dialogs for charting: each checks through storage and shows problems beside its fields."""
