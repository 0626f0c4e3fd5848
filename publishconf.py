"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The public address, https only (the build refuses anything else): set WERKPLAATSEN_SITEURL.
SITEURL = os.environ.get("WERKPLAATSEN_SITEURL", "")
WERKPLAATSEN_CONCEPTEN_TONEN = False
WERKPLAATSEN_VOORBEELDEN_TOESTAAN = os.environ.get("WERKPLAATSEN_VOORBEELDEN_TOESTAAN") == "ja"
