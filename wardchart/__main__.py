"""``python -m wardchart``: hand argv to the command line; nothing heavy at import."""

import sys

from wardchart.cli import main

sys.exit(main())
