"""The site's public identity: the domain in iCal UIDs, fixed in the database the first time a feed needs it.

A UID names the event for every subscriber's calendar, so it must not follow a setting that can
change: ``KEJICAL_SITE_URL`` gives the first value (its host name; ``kejicalendar.local`` when it is
unset, never a request's Host header), and later changes to the setting move links, not UIDs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction

from events.models import SiteConstant

UID_DOMAIN = "uid_domain"
DEFAULT_UID_DOMAIN = "kejicalendar.local"


def configured_uid_domain() -> str:
    """The host name of ``KEJICAL_SITE_URL`` (no port), or ``DEFAULT_UID_DOMAIN`` when it is unset."""
    return urlsplit(settings.KEJICAL_SITE_URL or "").hostname or DEFAULT_UID_DOMAIN


def uid_domain() -> str:
    """The stored UID domain; the first call stores ``configured_uid_domain()`` (one small query)."""
    stored = SiteConstant.objects.filter(name=UID_DOMAIN).values_list("value", flat=True).first()
    if stored:
        return stored
    try:
        with transaction.atomic():
            return SiteConstant.objects.create(name=UID_DOMAIN, value=configured_uid_domain()).value
    except IntegrityError:  # another process stored it first: theirs counts
        return SiteConstant.objects.get(name=UID_DOMAIN).value
