"""``python -m proofs_check [--d-max N] [--json FILE] [--markdown FILE] [--only NAME ...]``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
