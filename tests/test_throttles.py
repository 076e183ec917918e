"""API throttles and anonymous parse limits (events/throttles.py, events/api.py): 429 with Retry-After."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from events.models import Article

pytestmark = pytest.mark.django_db
TOKEN = "throttle-token-0123456789"
TEXT = "3月11日，科技节在金谷广场开幕。"


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.KEJICAL_API_TOKENS = [TOKEN, TOKEN + "-b"]
    settings.KEJICAL_THROTTLE_ANON = "3/min"
    settings.KEJICAL_THROTTLE_TOKEN = "5/min"
    yield settings
    cache.clear()


def post(client, path: str, body: dict, token: str | None = None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers, **extra)


def test_anonymous_parse_flood_gets_429_with_retry_after(client):
    answers = [post(client, "/api/parse", {"text": TEXT}) for _ in range(4)]

    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1].json()["detail"][0]["type"] == "throttled"


def test_anonymous_callers_are_counted_by_address(client):
    for _ in range(3):
        post(client, "/api/parse", {"text": TEXT}, REMOTE_ADDR="10.0.0.1")

    other = post(client, "/api/parse", {"text": TEXT}, REMOTE_ADDR="10.0.0.2")
    again = post(client, "/api/parse", {"text": TEXT}, REMOTE_ADDR="10.0.0.1")

    assert (other.status_code, again.status_code) == (200, 429)


def test_each_token_has_its_own_count_apart_from_anonymous(client):
    for _ in range(3):
        post(client, "/api/parse", {"text": TEXT})  # the anonymous allowance is used up

    first = [post(client, "/api/parse", {"text": TEXT}, TOKEN).status_code for _ in range(6)]
    second = post(client, "/api/parse", {"text": TEXT}, TOKEN + "-b").status_code

    assert (first, second) == ([200] * 5 + [429], 200)


def test_writes_are_throttled_per_token(client):
    codes = [
        post(
            client, "/api/articles", {"text": TEXT, "key": f"k{n}", "published": "2024-03-12"}, TOKEN
        ).status_code
        for n in range(6)
    ]

    assert codes == [201] * 5 + [429]
    assert Article.objects.count() == 5


def test_anonymous_parse_has_a_much_smaller_size_limit(client, settings):
    settings.KEJICAL_ANON_PARSE_MAX_CHARS = 100
    settings.KEJICAL_THROTTLE_ANON = ""
    text = TEXT * 10  # 170 characters

    anonymous = post(client, "/api/parse", {"text": text})
    with_token = post(client, "/api/parse", {"text": text}, TOKEN)

    assert (anonymous.status_code, anonymous.json()["detail"][0]["loc"]) == (422, ["body", "text"])
    assert with_token.status_code == 200


def test_anonymous_parse_caps_the_mentions_returned(client, settings):
    settings.KEJICAL_ANON_PARSE_MAX_MENTIONS = 4
    settings.KEJICAL_THROTTLE_ANON = ""
    text = "".join(f"3月{day}日开幕。" for day in range(1, 11))

    anonymous = post(client, "/api/parse", {"text": text}).json()
    with_token = post(client, "/api/parse", {"text": text}, TOKEN).json()

    assert (len(anonymous["mentions"]), anonymous["truncated"]) == (4, True)
    assert (len(with_token["mentions"]), "truncated" in with_token) == (10, False)
    assert anonymous["mentions"] == with_token["mentions"][:4]
