"""The command line (``wardchart COMMAND``): the entry point (``entry``), the parser
(``parser``), and one module per area of commands, each holding its commands' parsers
beside their handlers. See docs/architecture.md, "Adding a command"."""

from wardchart.cli.entry import main

__all__ = ["main"]
