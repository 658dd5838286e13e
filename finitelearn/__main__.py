"""``python -m finitelearn`` runs the ``finitelearn`` command."""

import sys

from .cli import main

sys.exit(main())
