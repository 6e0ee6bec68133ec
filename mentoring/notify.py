"""Tell the coordinators that a mentoring request is waiting, without a word of what it says:
an e-mail crosses servers nobody here controls, so it carries no name, phone or e-mail, only
the admin link, behind the login."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

logger = logging.getLogger(__name__)

SUBJECT = "Bienvenue à Clermont-Ferrand : une demande de parrainage attend"
BODY = """Bonjour,

Une nouvelle demande de parrainage a été envoyée depuis le site.

Pour la lire, connectez-vous à l'administration :
{url}

Ce message ne contient volontairement aucune donnée personnelle.
"""


def coordinators(request, mentoring_request):
    """Send the notice; a mail server that fails is logged, never the reader's problem: the
    request is saved, and the admin list shows it anyway."""
    if not settings.MENTORING_NOTIFY_EMAIL:
        return
    url = request.build_absolute_uri(
        reverse("admin:mentoring_mentoringrequest_change", args=[mentoring_request.pk])
    )
    try:
        send_mail(
            SUBJECT,
            BODY.format(url=url),
            settings.DEFAULT_FROM_EMAIL,
            [settings.MENTORING_NOTIFY_EMAIL],
        )
    except OSError:  # smtplib's errors are OSErrors too: refused, timed out, rejected
        logger.exception("The coordinators could not be told of mentoring request %s", url)
