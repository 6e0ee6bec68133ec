"""
What keeps robots off the anonymous forms, which have no account, no cookie and no CAPTCHA:

- a honeypot field that people never see (hidden by CSS, out of the tab order) and robots fill;
- a per-client submission limit kept in the cache. The client's address is only ever hashed
  with the secret key, in memory, and the counter expires with its window: nothing is stored.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


class HoneypotForm(forms.Form):
    """A form with the honeypot field; render it with templates/includes/honeypot.html."""

    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        """Return True if a robot filled the honeypot: thank it, store nothing."""
        return bool(self.cleaned_data.get("website"))


def client_address(request):
    """The reader's address: behind our proxy, the last one it appended; else the socket's."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        # Behind our proxy, the client is the last address it appended.
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def over_limit(request, scope, who=None):
    """Count an accepted submission; return True if it takes the client over its limit.

    The client is the connection's address, unless `who` names another (an e-mail address).

    Call it only once the form is valid, before saving: a reader's mistakes must not use up
    her allowance. A submission refused for being over the limit is counted too, which changes
    nothing: the client stays over it until the window ends.
    """
    limit, window = settings.RATE_LIMITS[scope]
    now = time.time()
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}|{scope}|{who or client_address(request)}".encode()
    )
    # The key only has to be unique per client and window (hence `no mutate`: a longer digest
    # or `now / window` would do as well).
    key = f"rate:{scope}:{digest.hexdigest()[:32]}:{int(now // window)}"  # pragma: no mutate
    # The count must live until its window ends; longer is harmless, as the key changes with
    # the window (mutation testing cannot tell such numbers apart).
    until_window_ends = int(window - now % window) + 1  # pragma: no mutate
    # The window's first submission starts the count (touch() below sets its lifetime).
    cache.add(key, 0, timeout=until_window_ends)  # pragma: no mutate
    try:
        count = cache.incr(key)  # atomic in Redis; a read and a write in the file cache
    except ValueError:  # pragma: no mutate (the count expired between add and incr:
        return False  # pragma: no mutate  the window just ended, nothing to count against)
    # Some backends (the file cache) give an incremented key their default timeout: keep the
    # count until the window ends.
    cache.touch(key, until_window_ends)
    return count > limit
