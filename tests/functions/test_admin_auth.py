"""The admin page behind IAP: every route refuses what IAP would never send, and other schools.

Tokens are real ES256 JWTs signed with a key made here; its public half is served over HTTP in
the shape of IAP's key endpoint, and google-auth fetches and checks it as in production.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import functions_framework
import markupsafe
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask.testing import FlaskClient
from google.auth import crypt
from google.auth import jwt as google_jwt
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from shared.adapters.clock import FixedClock
from shared.models import ItemStatus
from shared.records import TicketStatus
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import RecordingQueue
from tests.functions.admin_fixtures import (
    OTHER,
    OTHER_ADMIN,
    SAMPLE,
    SAMPLE_ADMIN,
    csrf_from,
    seed_two_schools,
)
from tests.functions.conftest import MAIN

NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)
THEIR_SECRET = str(markupsafe.escape("Other school's secret"))  # as the page would show it
AUDIENCE = "/projects/123456/global/backendServices/987654"
KID = "iap-test-key"

# Every route but the public ones, as (method, path) with SCHOOL, ITEM, NEWSLETTER, TICKET.
ROUTES = [
    ("GET", "/"),
    ("POST", "/logout"),
    ("GET", "/s/SCHOOL/queue"),
    ("POST", "/s/SCHOOL/bulk-approve"),
    ("GET", "/s/SCHOOL/items/ITEM"),
    ("POST", "/s/SCHOOL/items/ITEM/approve"),
    ("POST", "/s/SCHOOL/items/ITEM/edit"),
    ("POST", "/s/SCHOOL/items/ITEM/reject"),
    ("GET", "/s/SCHOOL/newsletters"),
    ("POST", "/s/SCHOOL/newsletters/upload"),
    ("POST", "/s/SCHOOL/newsletters/NEWSLETTER/rerun"),
    ("GET", "/s/SCHOOL/families"),
    ("POST", "/s/SCHOOL/families/import"),
    ("GET", "/s/SCHOOL/tickets"),
    ("POST", "/s/SCHOOL/tickets/TICKET/resolve"),
    ("GET", "/s/SCHOOL/audit"),
    ("GET", "/s/SCHOOL/outbox"),
]
SCHOOL_ROUTES = [route for route in ROUTES if "SCHOOL" in route[1]]
POST_ROUTES = [route for route in ROUTES if route[0] == "POST"]


def path_for(template: str, school: str = SAMPLE, own: str | None = None) -> str:
    ids_of = own or school
    return (
        template.replace("SCHOOL", school)
        .replace("ITEM", f"{ids_of}-1")
        .replace("NEWSLETTER", f"nl-{ids_of}")
        .replace("TICKET", f"ticket-{ids_of}")
    )


def _pem_of(key: ec.EllipticCurvePrivateKey, private: bool) -> bytes:
    if private:
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.fixture(scope="module")
def iap_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="module")
def key_fetches() -> list[str]:
    return []


@pytest.fixture(scope="module")
def certs_url(iap_key: ec.EllipticCurvePrivateKey, key_fetches: list[str]) -> Iterator[str]:
    """IAP's key endpoint in its shape: {key id: PEM public key}."""
    body = json.dumps({KID: _pem_of(iap_key, private=False).decode()})

    @Request.application  # type: ignore[arg-type]
    def keys(request: Request) -> Response:
        key_fetches.append(request.path)
        return Response(body, mimetype="application/json", headers={"Cache-Control": "max-age=60"})

    server = make_server("127.0.0.1", 0, keys)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/iap/verify/public_key"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(autouse=True)
def google_auth_at_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """google-auth checks iat and exp against its own clock: hold it at the test's time."""
    monkeypatch.setattr("google.auth._helpers.utcnow", lambda: NOW.replace(tzinfo=None))


def token(
    key: ec.EllipticCurvePrivateKey,
    email: str = SAMPLE_ADMIN,
    audience: str = AUDIENCE,
    issued: datetime = NOW - timedelta(minutes=1),
    lifetime: timedelta = timedelta(minutes=10),
    issuer: str = "https://cloud.google.com/iap",
) -> str:
    signer = crypt.ES256Signer.from_string(_pem_of(key, private=True), key_id=KID)
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        "sub": "accounts.google.com:1234",
        "email": email,
        "iat": int(issued.timestamp()),
        "exp": int((issued + lifetime).timestamp()),
    }
    return str(google_jwt.encode(signer, claims).decode())


@pytest.fixture
def container(tmp_path: Path, certs_url: str) -> Iterator[Container]:
    settings = Settings(
        data_dir=tmp_path,
        admin_auth="iap",
        iap_audience=AUDIENCE,
        iap_certs_url=certs_url,
        admin_session_secret="test-secret-0123456789",
    )
    built = Container(settings, clock=FixedClock(NOW), tasks=RecordingQueue())
    seed_two_schools(built)
    use_container(built)
    yield built
    use_container(None)
    built.close()


@pytest.fixture
def client(container: Container) -> FlaskClient:
    return functions_framework.create_app("admin", MAIN).test_client()


def iap(assertion: str) -> dict[str, str]:
    return {"x-goog-iap-jwt-assertion": assertion}


def call(client: FlaskClient, method: str, path: str, **kwargs: Any) -> Any:
    return client.open(path, method=method, **kwargs)


def test_an_admin_with_a_valid_token_sees_the_queue(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey
) -> None:
    response = client.get(f"/s/{SAMPLE}/queue", headers=iap(token(iap_key)))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Picture day" in html
    assert "Other school" not in html


@pytest.mark.parametrize(("method", "template"), ROUTES)
def test_every_route_refuses_a_request_without_a_token(
    client: FlaskClient, method: str, template: str
) -> None:
    assert call(client, method, path_for(template)).status_code == 401


@pytest.mark.parametrize(("method", "template"), ROUTES)
@pytest.mark.parametrize(
    "bad_token",
    ["forged", "wrong_audience", "expired", "wrong_issuer", "not_a_jwt"],
)
def test_every_route_refuses_a_token_iap_did_not_issue_for_us(
    client: FlaskClient,
    iap_key: ec.EllipticCurvePrivateKey,
    container: Container,
    method: str,
    template: str,
    bad_token: str,
) -> None:
    assertion = {
        # Same key id, another key: what an attacker who bypassed IAP could sign.
        "forged": lambda: token(ec.generate_private_key(ec.SECP256R1())),
        "wrong_audience": lambda: token(iap_key, audience="/projects/1/apps/another-app"),
        "expired": lambda: token(iap_key, issued=NOW - timedelta(hours=2)),
        "wrong_issuer": lambda: token(iap_key, issuer="https://accounts.google.com"),
        "not_a_jwt": lambda: "not.a.jwt",
    }[bad_token]()
    response = call(client, method, path_for(template), headers=iap(assertion))
    assert response.status_code == 401
    item = container.repos.items.get(f"{SAMPLE}-1")
    assert item is not None and item.status is ItemStatus.PENDING_REVIEW


def test_a_verified_email_that_administers_no_school_is_refused(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey
) -> None:
    response = client.get(f"/s/{SAMPLE}/queue", headers=iap(token(iap_key, "parent@gmail.com")))
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "template"), POST_ROUTES)
@pytest.mark.parametrize("csrf", [None, "wrong", "other_admins"])
def test_every_state_changing_route_needs_this_sign_ins_csrf_token(
    client: FlaskClient,
    iap_key: ec.EllipticCurvePrivateKey,
    container: Container,
    method: str,
    template: str,
    csrf: str | None,
) -> None:
    headers = iap(token(iap_key))
    form = {"reason": "wrong", "item_id": f"{SAMPLE}-1", "title": "Changed", "category": "event"}
    if csrf == "wrong":
        form["csrf_token"] = "Im5vdCBhIHRva2VuIg.abc.def"
    elif csrf == "other_admins":
        form["csrf_token"] = csrf_from(
            client, f"/s/{OTHER}/queue", headers=iap(token(iap_key, OTHER_ADMIN))
        )
    response = call(client, method, path_for(template), headers=headers, data=form)
    assert response.status_code == 403
    item = container.repos.items.get(f"{SAMPLE}-1")
    assert item is not None and item.status is ItemStatus.PENDING_REVIEW
    assert item.title == "Picture day"
    assert container.repos.audit_events.count() == 0


@pytest.mark.parametrize(("method", "template"), SCHOOL_ROUTES)
def test_an_admin_cannot_reach_another_schools_pages(
    client: FlaskClient,
    iap_key: ec.EllipticCurvePrivateKey,
    container: Container,
    method: str,
    template: str,
) -> None:
    headers = iap(token(iap_key))
    form = {"csrf_token": csrf_from(client, f"/s/{SAMPLE}/queue", headers=headers), "reason": "x"}
    response = call(client, method, path_for(template, school=OTHER), headers=headers, data=form)
    assert response.status_code == 403
    assert THEIR_SECRET not in response.get_data(as_text=True)
    assert container.repos.audit_events.count() == 0


@pytest.mark.parametrize(
    ("method", "template"),
    [r for r in SCHOOL_ROUTES if any(k in r[1] for k in ("ITEM", "NEWSLETTER", "TICKET"))],
)
def test_another_schools_ids_under_ones_own_school_are_not_found(
    client: FlaskClient,
    iap_key: ec.EllipticCurvePrivateKey,
    container: Container,
    method: str,
    template: str,
) -> None:
    headers = iap(token(iap_key))
    form = {
        "csrf_token": csrf_from(client, f"/s/{SAMPLE}/queue", headers=headers),
        "reason": "tampered",
        "title": "Tampered",
        "category": "event",
    }
    path = path_for(template, school=SAMPLE, own=OTHER)
    response = call(client, method, path, headers=headers, data=form)
    assert response.status_code == 404
    theirs = container.repos.items.get(f"{OTHER}-1")
    assert theirs is not None
    assert (theirs.status, theirs.title) == (ItemStatus.PENDING_REVIEW, "Other school's secret")
    ticket = container.repos.tickets.get(f"ticket-{OTHER}")
    assert ticket is not None and ticket.status is TicketStatus.OPEN
    assert container.repos.audit_events.count() == 0


def test_bulk_approval_with_another_schools_id_approves_nothing(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey, container: Container
) -> None:
    headers = iap(token(iap_key))
    form = {
        "csrf_token": csrf_from(client, f"/s/{SAMPLE}/queue", headers=headers),
        "item_id": [f"{SAMPLE}-1", f"{OTHER}-1"],
    }
    response = client.post(f"/s/{SAMPLE}/bulk-approve", headers=headers, data=form)
    assert response.status_code == 404
    statuses = {i.id: i.status for i in container.repos.items.find()}
    assert statuses[f"{OTHER}-1"] is ItemStatus.PENDING_REVIEW
    assert statuses[f"{SAMPLE}-1"] is ItemStatus.PENDING_REVIEW


def test_the_login_link_route_does_not_exist_behind_iap(client: FlaskClient) -> None:
    assert client.get("/login?token=x").status_code == 404
    assert client.post("/login", data={"token": "x"}).status_code == 404


def test_every_response_carries_the_security_headers(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey
) -> None:
    for response in (
        client.get(f"/s/{SAMPLE}/queue", headers=iap(token(iap_key))),
        client.get(f"/s/{SAMPLE}/queue"),
        client.get("/assets/admin.css"),
    ):
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src" not in csp  # so default-src 'none' forbids every script
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_health_needs_no_token(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_the_keys_are_fetched_once_and_kept_for_their_max_age(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey, key_fetches: list[str]
) -> None:
    before = len(key_fetches)
    for _ in range(3):
        assert client.get(f"/s/{SAMPLE}/queue", headers=iap(token(iap_key))).status_code == 200
    assert len(key_fetches) - before == 1


def test_an_admin_of_two_schools_can_switch_between_them(
    client: FlaskClient, iap_key: ec.EllipticCurvePrivateKey, container: Container
) -> None:
    other = container.repos.schools.get(OTHER)
    assert other is not None
    container.repos.schools.put(other.model_copy(update={"admin_emails": [SAMPLE_ADMIN]}))
    headers = iap(token(iap_key))
    assert f"/s/{OTHER}/queue" in client.get(f"/s/{SAMPLE}/queue", headers=headers).get_data(True)
    theirs = client.get(f"/s/{OTHER}/queue", headers=headers)
    assert theirs.status_code == 200 and THEIR_SECRET in theirs.get_data(True)
