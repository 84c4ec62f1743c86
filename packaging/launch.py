"""Entry point of the frozen program (PyInstaller): the same command line as `wardchart`."""

import sys

from wardchart.cli import main

sys.exit(main())
