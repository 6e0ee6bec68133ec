"""
A per-client submission limit kept in the cache. The client's address is only ever hashed with
the secret key, in memory, and the counter expires with its window: nothing is stored.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _client(request):
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Behind our proxy, the client is the last address it appended.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope):
    """Count this submission; return True once the client is over its limit for the window."""
    limit, window = settings.FEEDBACK_RATE_LIMITS[scope]
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{_client(request)}".encode())
    key = f"feedback-rate:{scope}:{digest.hexdigest()[:32]}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
