"""Pelican settings for the Werkplaatsen wijkgericht werken site (local preview and tests)."""

# The facts the tools share with the build are written once in the plugin (the build and the
# commands put plugins/ on the import path); tests/unit/test_places.py fails when they differ.
from werkplaatsen.model import fields, routes
from werkplaatsen.model.contenttypes import BY_NAME
from werkplaatsen.system import places

overview = {name: content_type.list_url for name, content_type in BY_NAME.items()}  # /sessies/, ...
page = BY_NAME["pagina"].url_for  # a page of content/paginas/: /over/, ...

SITENAME = "Werkplaatsen wijkgericht werken"
SITESUBTITLE = "Leren in trio's aan lokale opgaven in de wijk"
# The address of the preview; feeds, calendars and canonical links need absolute URLs.
SITEURL = "http://localhost:8000"
DEFAULT_LANG = "nl"
TIMEZONE = fields.TIMEZONE.key

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"

# All content goes through the werkplaatsen content model; Pelican's own readers stay idle.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["werkplaatsen"]
ARTICLE_PATHS = []
PAGE_PATHS = []
DIRECT_TEMPLATES = []
# Downloads and theme files are published by the werkplaatsen generator, which checks them.
STATIC_PATHS = []
THEME_STATIC_PATHS = []
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
DELETE_OUTPUT_DIRECTORY = False

WERKPLAATSEN_ROOT = str(places.ROOT)
# Registration forms may only live on these hosts (https only).
WERKPLAATSEN_AANMELD_HOSTS = ["www.lpbagenda.nl"]
# The local preview shows drafts (with a banner) and example content.
WERKPLAATSEN_CONCEPTEN_TONEN = True
WERKPLAATSEN_VOORBEELDEN_TOESTAAN = True
# Freeze the clock for statuses: "2019-09-15 10:00". Empty means the real time.
WERKPLAATSEN_NU = ""
# The one stylesheet: NL Design System components (served from the site itself, no other
# hosts), then the site's own design tokens and styles.
WERKPLAATSEN_STYLESHEET = [
    "node_modules/@utrecht/component-library-css/dist/index.css",
    "node_modules/@utrecht/component-library-css/dist/html.css",
    "theme/static/css/tokens.css",
    "theme/static/css/site.css",
]
# The controlled vocabularies: themes, domains, phases and the other lists of allowed values.
WERKPLAATSEN_VOCABULARY = places.VOCABULARY
# The HTTP headers of the site (see hosting/README.md).
WERKPLAATSEN_HEADERS_FILE = places.HEADERS
# Where security researchers report a problem (/.well-known/security.txt).
WERKPLAATSEN_SECURITY_CONTACT = "mailto:security@platform31.nl"

# Pages that the menu, the footer and the templates link to (home.html, 404.html).
ABOUT_URL, JOIN_URL, CONTACT_URL = page("over"), page("aanmelden"), page("contact")
# The menu and the footer: each URL from the site's routes, so a changed route changes them too.
MENU = [
    (routes.HOME_URL, "Home"),
    (overview["ronde"], "Programma"),
    (overview["sessie"], "Sessies"),
    (overview["casus"], "Casussen"),
    (overview["instrument"], "Instrumenten"),
    (overview["verslag"], "Verslagen"),
    (routes.LESSONS_URL, "Lessen"),
    (overview["bericht"], "Nieuws"),
    (ABOUT_URL, "Over"),
]
FOOTER_LINKS = [
    (ABOUT_URL, "Over het programma"),
    (JOIN_URL, "Aanmelden"),
    (CONTACT_URL, "Contact"),
    (routes.THEMES_URL, "Thema's"),
    (overview["partner"], "Partners"),
    (page("toegankelijkheid"), "Toegankelijkheid"),
    (page("privacy"), "Privacy"),
]
HOME_INTRO = (
    "In de Werkplaatsen wijkgericht werken leren wijkambtenaren en hun collega's uit andere "
    "beleidsdomeinen samen, in trio's, aan een eigen opgave in de wijk."
)
HOME_AUDIENCE = (
    "Voor wijkambtenaren, gebiedsregisseurs en hun collega's van wonen, zorg, openbare ruimte "
    "en veiligheid bij gemeenten."
)
# Other websites that pages may link to (https only), such as partners' own sites.
WERKPLAATSEN_LINK_HOSTS = [
    "www.platform31.nl",
    "www.aeno.nl",
    "www.lpb.nl",
]
# The browser editor at /beheer/ (Decap CMS; README, "Editing in the browser"). In production it
# saves to this GitHub repository and branch, each save a pull request, and editors sign in with
# GitHub through the OAuth service below. `make beheer` saves as git commits in this checkout.
WERKPLAATSEN_BEHEER_REPO = "platform31/werkplaatsen-wijkgericht-werken"
WERKPLAATSEN_BEHEER_BRANCH = "main"
WERKPLAATSEN_BEHEER_AUTH_URL = "https://beheer-login.werkplaatsenwijkgerichtwerken.nl"
