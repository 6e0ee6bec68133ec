"""
Settings for Bienvenue à Clermont-Ferrand: one file, every deployment value from the environment.

Default database engine is SQLite, so a fresh checkout runs `manage.py runserver` with no
configuration. Production sets DJANGO_SECRET_KEY (and so runs with DEBUG off), DATABASE_URL and
DJANGO_ALLOWED_HOSTS; the README lists every variable.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import django.conf.locale
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def envint(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def envlist(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Without a secret key the site can only run in development mode; production says what is missing
# instead of starting with a key anyone can read in this file.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = envbool("DJANGO_DEBUG", default=not SECRET_KEY)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG=false the site needs a long random "
            "secret key, for example the output of: "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only"  # noqa: S105 (common.W001 warns about it)
USING_DEVELOPMENT_KEY = SECRET_KEY == "django-insecure-development-only"  # noqa: S105

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # The admin without autodiscovery: see common.apps.AdminConfig.
    "common.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "leaflet",
    "django_prose_editor",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "import_export",
    # The project's apps. Each may import the ones above it, never one below
    # (tests/common/test_layout.py checks it).
    "common",
    "accounts",
    "places",
    "routes",
    "courses",
    "events",
    "guide",
    "search",
    "feedback",
    "mentoring",
    "handoff",
    "translators",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page and a 304 when the reader already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Above everything that builds a page: a cached page is returned whole, headers included.
    "common.middleware.public_page_cache",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "common.language_tags.content_language",
    "common.middleware.admin_in_default_language",
    "common.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, this session has passed; then what an account without it may
    # reach (accounts.middleware).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffSessions",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff login (accounts/README in the README, « Staff accounts »). Failures slow down the pair
# (username, address) and the address alone, never a username from everywhere: whoever knows a
# colleague's login cannot keep her out from another connection. Five failures for one pair, or
# thirty from one address (an office shares one), and that pair or address waits fifteen minutes
# from its last failure; a success clears the pair; an administrator lifts a wait in the admin.
AXES_HANDLER = "accounts.throttle.PairAndAddressHandler"
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
STAFF_LOGIN_ADDRESS_FAILURE_LIMIT = envint("STAFF_LOGIN_ADDRESS_FAILURE_LIMIT", 30)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("STAFF_LOGIN_WAIT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True
# The client's address as the forms' rate limits read it (behind our proxy, the one it appended).
AXES_CLIENT_IP_CALLABLE = "common.antispam.client_address"

# A second factor for every staff account: an authenticator app (TOTP), passkeys where the browser
# offers them, recovery codes. Only a developer's machine may turn it off.
STAFF_SECOND_FACTOR = envbool("STAFF_SECOND_FACTOR", True)
# A staff session ends after this many minutes without a request.
STAFF_IDLE_MINUTES = envint("STAFF_IDLE_MINUTES", 30)
OTP_TOTP_ISSUER = "Bienvenue Clermont-Ferrand"
OTP_WEBAUTHN_RP_NAME = "Bienvenue à Clermont-Ferrand"
# The relying party and the origin are the host the browser asked for (checked against
# ALLOWED_HOSTS), so a passkey works on whichever name the site is served: see accounts.passkeys.
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.SiteHelper"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E010", "otp_webauthn.E030"]

ROOT_URLCONF = "welcome.urls"
WSGI_APPLICATION = "welcome.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "common.context_processors.content_version",
            ],
        },
    },
]

# SQLite in var/ by default; production gives a PostgreSQL URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several worker processes share the file: readers never wait for a writer (WAL), and a
    # write waits for the lock from its start instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache, its content version and the rate limits must be the same for every worker
# process: files in var/cache by default (shared by the processes of one machine), Redis when
# several machines serve the site (REDIS_URL). A per-process cache would serve old pages.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "common.cache.FileCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        "OPTIONS": {"MAX_ENTRIES": envint("DJANGO_CACHE_MAX_ENTRIES", 20000)},
    }
}

LOGIN_URL = "admin:login"
# A reset link works once, for two hours.
PASSWORD_RESET_TIMEOUT = 2 * 3600

# Length and a list of common passwords, no composition rules (NIST SP 800-63B).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages. Source strings are English; French is the default and the fallback for content.
# FALC (easy-to-read French) is a language of its own: URL prefix /fr-falc/, fields *_fr_falc,
# catalog locale/fr_Falc/. Adding a language is an entry here, `makemigrations` and a catalog.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("fr-falc", _("Easy-to-read French")),
    ("ar", _("Arabic")),
    ("fa", _("Dari / Persian")),
    ("ps", _("Pashto")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("ti", _("Tigrinya")),
]
# Django knows nothing of FALC: name it, and tell templates that its <html lang> is French so
# screen readers use a French voice ("html_lang" is our key; Django ignores it).
EXTRA_LANG_INFO = {
    "fr-falc": {
        "bidi": False,
        "code": "fr-falc",
        "name": "Easy-to-read French",
        "name_local": "Facile à lire (FALC)",
        "html_lang": "fr",
        # The tag sent to machines (hreflang, Content-Language): valid BCP 47, unlike our code.
        "bcp47": "fr-x-falc",
    },
    # Afghan readers of Dari look for « دری », Iranians for « فارسی »: one written language.
    "fa": {"bidi": True, "code": "fa", "name": "Persian", "name_local": "دری / فارسی"},
    # Django has no Pashto or Tigrinya of its own.
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
# What <html dir> reads (get_language_bidi): Django's list knows Arabic and Persian, not Pashto.
LANGUAGES_BIDI = [code for code, info in django.conf.locale.LANG_INFO.items() if info.get("bidi")]
# Date and time formats for the languages Django has none for (Pashto, Tigrinya).
FORMAT_MODULE_PATH = ["common.formats"]
# The project catalogs live outside any app, so Django must be told where.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
# The tabbed admin loads jQuery UI from a CDN unless told otherwise: serve our vendored copy.
JQUERY_UI_URL = "common/vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached forever) and gzip copies, served by WhiteNoise.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Spreadsheets of places (django-import-export, places/resources.py). An import runs in a
# transaction: a file with any bad row changes nothing. Importing asks for the permission to
# change (PlaceAdmin asks to add too), exporting for the permission to view. The file waits for
# the staff's confirmation in the cache, which every worker process shares (not in /tmp, which
# is one machine's). Excel leaves empty lines at the end of a sheet.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = True

# Map tiles are the only third-party requests a page may make.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (45.7772, 3.0870),  # Place de Jaude
    "DEFAULT_ZOOM": 14,
    "MIN_ZOOM": 10,
    "MAX_ZOOM": 19,
    "RESET_VIEW": False,
    "TILES": [("OpenStreetMap", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})],
}
_tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL))

# What readers may send, per client (address hashed, kept in the cache only) and window in
# seconds, for each form (common.antispam.over_limit).
RATE_LIMITS = {
    "questionnaire": (envint("FEEDBACK_RATE_LIMIT", 10), 3600),
    "page": (envint("FEEDBACK_PAGE_RATE_LIMIT", 30), 3600),
    # An association office may send requests for several people from one connection.
    "mentoring": (envint("MENTORING_RATE_LIMIT", 20), 3600),
    # Staff password reset: per connection, and per e-mail address asked for.
    "password_reset": (envint("PASSWORD_RESET_RATE_LIMIT", 5), 3600),
    "password_reset_address": (3, 3600),
}
# Feedback: how long answers are kept (`manage.py delete_old_feedback`).
FEEDBACK_RETENTION_MONTHS = envint("FEEDBACK_RETENTION_MONTHS", 24)
# Mentoring: the guide section that presents the programme, and how long closed requests stay.
MENTORING_SECTION_SLUG = "parrainage"
MENTORING_RETENTION_MONTHS = envint("MENTORING_RETENTION_MONTHS", 6)

# E-mail through Django's SMTP backend, set from the environment. Without EMAIL_HOST (a
# developer's machine) messages are written to the server's output instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "bienvenue@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The mentoring coordinators' address: told (without any personal data) of each new request.
MENTORING_NOTIFY_EMAIL = os.environ.get("MENTORING_NOTIFY_EMAIL", "")

# Who answers readers (accessibility statement, legal notice).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "")
HOSTING_PROVIDER = os.environ.get(
    "HOSTING_PROVIDER",
    "Ville de Clermont-Ferrand, 10 rue Philippe-Marcombes, 63000 Clermont-Ferrand",
)

# Security. HTTPS settings follow DJANGO_HTTPS, on by default in production, so that a local
# trial of production settings over plain HTTP is one variable away.
HTTPS = envbool("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("DJANGO_HSTS_PRELOAD", True)
if envbool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The nonce only appears where a page asks for it (the admin's rich-text editor).
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", _tile_origin],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Errors go to the console (the service manager's journal) in production too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
