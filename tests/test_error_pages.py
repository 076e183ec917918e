"""The Chinese 404 and 500 pages (templates/404.html, templates/500.html), served with DEBUG=False."""

import pytest
from django.conf import settings
from django.http import HttpRequest
from django.test import Client
from django.urls import path

from kejicalendar.urls import urlpatterns as site_urlpatterns


def _fail(request: HttpRequest) -> None:
    raise RuntimeError("a bug")


urlpatterns = [path("fail/", _fail), *site_urlpatterns]


@pytest.mark.django_db
def test_404_page_is_chinese_with_debug_off(client):
    assert settings.DEBUG is False  # pytest-django runs tests with DEBUG off, as production does

    response = client.get("/no-such-page/")

    body = response.content.decode()
    assert (response.status_code, response["Content-Type"]) == (404, "text/html; charset=utf-8")
    assert "页面不存在（404）" in body and 'href="/"' in body
    assert "Not Found" not in body


@pytest.mark.urls(__name__)
def test_500_page_is_chinese_with_debug_off():
    client = Client(raise_request_exception=False)

    response = client.get("/fail/")

    body = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错（500）" in body
    assert "RuntimeError" not in body and "a bug" not in body and "Traceback" not in body
