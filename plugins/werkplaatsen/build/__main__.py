"""`python -m werkplaatsen.build`: build the site and switch `output/` to it (see atomic.py)."""

import sys

from .atomic import main

sys.exit(main())
