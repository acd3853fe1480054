"""The `consent` filter: audiences from the profile and the country table, identifiers
stripped and `store: false` for minors per policy, the child header that can only restrict,
and fail-closed behaviour."""

from __future__ import annotations

import openai
import pytest

from filters.consent import ConsentFilter
from filters.registry import FilterResources
from gateway.auth import key_digest
from gateway.chain import FilterChain
from gateway.context import RequestContext, Tenant
from gateway.endpoints import CHAT
from gateway.errors import PrivacyFilterUnavailable
from gateway.policy import Policy
from tests.gateway.privacy.support import KEYS, Client, configure, privacy_policy

POLICIES = {
    "train": privacy_policy("train", training=True),
    "notrain": {"name": "notrain", "version": "1", "filters": []},  # no consent filter at all
    "adults": privacy_policy("adults", training=True, min_age=18,
                             minors={"audiences": ["child", "minor", "unknown"]}),
}
IDS = {"user": "end-user-42", "safety_identifier": "sid-42", "metadata": {"account": "42"}}


@pytest.fixture
def client(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    client.put_user("train", "kid", training_consent=True, consent_version="v1", age=10, country="US")
    client.put_user("train", "teen", training_consent=True, consent_version="v1", age=16, country="US")
    client.put_user("train", "adult", training_consent=True, consent_version="v1", age=40, country="US")
    yield client
    client.close()


def send(client: Client, tenant: str, user: str | None, child: bool | str = False, **extra) -> dict:
    headers = {"X-Gateway-User": user} if user else {}
    if child:
        headers["X-Gateway-Child"] = "true" if child is True else child
    sdk = openai.OpenAI(base_url=client.server.url + "/v1", api_key=KEYS[tenant], max_retries=0, timeout=10,
                        default_headers=headers)
    sdk.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "hi"}],
                                **IDS, **extra)  # type: ignore[arg-type]
    return {}


LOCATION = {"type": "approximate", "approximate": {"city": "Leeds", "country": "GB"}}


@pytest.mark.parametrize("user", ["kid", "teen"])
def test_children_and_minors_lose_identifiers_and_their_location_and_ask_not_to_store(client, fake, user):
    send(client, "train", user, web_search_options={"user_location": LOCATION, "search_context_size": "low"})
    body = fake.last().body
    assert not set(IDS) & set(body)
    assert body["web_search_options"] == {"search_context_size": "low"}
    assert body["store"] is False


def test_adults_and_unknown_users_pass_untouched_by_default(client, fake):
    for user in ("adult", "stranger", None):
        send(client, "train", user, web_search_options={"user_location": LOCATION})
        body = fake.last().body
        assert body["user"] == "end-user-42" and body["metadata"] == {"account": "42"}
        assert body["web_search_options"] == {"user_location": LOCATION}
        assert "store" not in body


def test_child_header_restricts_an_adult_and_cannot_grant(client, fake):
    send(client, "train", "adult", child=True)
    assert "user" not in fake.last().body and fake.last().body["store"] is False
    send(client, "train", "adult", child="garbage")  # not a clear "false": restricts
    assert fake.last().body["store"] is False
    send(client, "train", "kid", child="false")  # cannot make a child an adult
    assert "user" not in fake.last().body and fake.last().body["store"] is False


def test_child_header_records_nothing_and_closes_the_session(client, fake):
    client.chat("train", "adult", "sess-1", "before the flag")
    client.chat("train", "adult", "sess-1", "flagged", child=True)
    client.chat("train", "adult", "sess-1", "after the flag")
    client.end("train", "sess-1")
    client.wait_finalized(1)
    assert client.decisions() == {("train", "discarded", "empty"): 1}


def test_tenant_policy_can_protect_unknown_users_and_raise_the_bar(client, fake):
    client.put_user("adults", "teen", training_consent=True, consent_version="v1", age=17, country="US")
    for user in ("teen", "stranger"):
        send(client, "adults", user)
        assert "user" not in fake.last().body and fake.last().body["store"] is False


def test_responses_requests_get_store_false(client, fake):
    sdk = openai.OpenAI(base_url=client.server.url + "/v1", api_key=KEYS["train"], max_retries=0, timeout=10,
                        default_headers={"X-Gateway-User": "kid"})
    sdk.responses.create(model="fake-model", input="hello", store=True, metadata={"k": "v"})
    body = fake.last().body
    assert body["store"] is False and "metadata" not in body


def test_tenant_without_the_filter_is_untouched(client, fake):
    send(client, "notrain", "kid")
    assert fake.last().body["user"] == "end-user-42"


async def test_fails_closed_without_its_runtime():
    policy = Policy.model_validate(privacy_policy("train", training=True))
    chain = FilterChain([ConsentFilter(policy, FilterResources())])
    ctx = RequestContext(request_id="r", endpoint=CHAT, tenant=Tenant("train", policy, key_digest("k")),
                         model="m", body={"messages": []}, user_id="u")
    with pytest.raises(PrivacyFilterUnavailable):
        await chain.on_request(ctx)
