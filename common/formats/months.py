"""Month names for the languages Django does not translate (Pashto, Tigrinya).

Django's date formats read these very msgids (django.utils.dates.MONTHS); listed here, they
reach our catalogs, where ps and ti translate them. Left empty in the other catalogs, Django's
own translation stays in force.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
