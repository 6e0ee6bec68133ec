"""Passkeys (django-otp-webauthn) for the host the browser asked for.

The relying party is the host name and the expected origin the site's own, both from the request,
whose host Django has already checked against ALLOWED_HOSTS: the same code serves
https://bienvenue.clermont-ferrand.fr and a developer's http://localhost:8000.
"""

from django.http.request import split_domain_port
from django_otp_webauthn.helpers import WebAuthnHelper


class SiteHelper(WebAuthnHelper):
    def get_relying_party_domain(self):
        domain, _port = split_domain_port(self.request.get_host())
        return domain

    def get_allowed_origins(self):
        return [f"{self.request.scheme}://{self.request.get_host()}"]
