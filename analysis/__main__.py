"""``python -m analysis`` runs the ``mediacompare`` command line."""

import sys

from .cli import main

sys.exit(main())
