"""WSGI entry point (gunicorn kejicalendar.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
application = get_wsgi_application()
# Django, the apps and their imports are ~126,000 objects that live as long as the process. Left to
# the garbage collector, every full collection walks them all (~60 ms here), and one cold read in
# eight or so paid for it; frozen, a full collection walks only what requests made since. Collected
# first, so no garbage is frozen with them.
gc.collect()
gc.freeze()
