"""The plain-Python packages never import Django or the rest of events."""

import subprocess
import sys

import pytest

READING = [
    f"events.reading.{name}"
    for name in "web pages page_dates feeds links charsets epaper near_dups markup".split()
]


@pytest.mark.parametrize("package", ["events.temporal", "events.extraction", "events.geography", *READING])
def test_package_imports_without_django(package):
    code = (
        f"import sys; import {package}; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.') "
        "or m in ('events.models', 'events.services')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr
