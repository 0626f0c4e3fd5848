"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("WERKPLAATSEN_SITEURL", "")
RELATIVE_URLS = False
WERKPLAATSEN_CONCEPTEN_TONEN = False
WERKPLAATSEN_VOORBEELDEN_TOESTAAN = os.environ.get("WERKPLAATSEN_VOORBEELDEN_TOESTAAN") == "ja"
