"""wardchart: the oncology ward's neutropenia chart."""

__version__ = "0.1.0"
