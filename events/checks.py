"""System checks for a public deployment (``manage.py check --deploy``): settings our security relies on."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_public_settings(app_configs: object, **kwargs: object) -> list[Warning]:
    """Warn when the public address or the cache a multi-process site needs is left to defaults."""
    found = []
    if not settings.KEJICAL_SITE_URL:
        found.append(
            Warning(
                "KEJICAL_SITE_URL is not set: feed, webcal and page links follow each request's Host "
                "header, and the first feed fixes the iCal UID domain as kejicalendar.local.",
                hint="Set KEJICAL_SITE_URL=https://<your domain> before the first feed is served.",
                id="kejicalendar.W001",
            )
        )
    if not settings.CACHE_URL:
        found.append(
            Warning(
                "CACHE_URL is not set: every process keeps its own cache, so throttles count per "
                "process and each worker renders feeds on its own.",
                hint="Set CACHE_URL=redis://127.0.0.1:6379/1 (any Redis database of its own).",
                id="kejicalendar.W002",
            )
        )
    return found
