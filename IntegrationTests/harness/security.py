"""Callers of the v2 security model (API keys, the admin secret, Basic device
logins), the microversions that brought each part, and checks of the
problems the server answers with."""
import hashlib
import re
from dataclasses import dataclass, field

import requests

from .contract import validate_response

# The microversion that brought each part of the security model.
API_KEYS = "2.2"  # /v2/api-keys, `username`/`password` in submission bodies
CONTEXTS = "2.3"  # `context` in submissions, results and summaries; /v2/contexts
REPLAY = "2.4"  # POST /v2/jobs/{job_id}/replay
CIRCUIT_OPEN = "2.5"  # error_code CIRCUIT_OPEN
STREAMS = "2.9"  # GET /v2/jobs/{job_id}/stream, ?wait= on result routes
TAGS = "2.10"  # job tags and tag filters, GET /v2/jobs/failed, queue_position in the 202
REUSE = "2.11"  # Idempotency-Key and deduplication of submissions
BATCHES = "2.12"  # POST /v2/send-command/batch, /v2/send-config/batch, GET /v2/batches/{batch_id}
WEBHOOKS = "2.13"  # webhook_url and webhook_secret on submissions; webhook on results

ROLES = ("viewer", "operator", "admin")
RANK = {"public": -1, "viewer": 0, "operator": 1, "admin": 2}

KEY_ID = re.compile(r"^k-[0-9a-f]{12}$")
TOKEN = re.compile(r"^naas_[A-Za-z0-9_-]{43}$")
V2_CHALLENGE = 'Basic realm="naas", Bearer realm="naas"'
V1_CHALLENGE = 'Basic realm="naas"'
INVALID_KEY_DETAIL = "The API key is not valid: it is unknown, revoked or expired"
RATE_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def at(microversion, **headers):
    """Request headers asking for a v2 microversion."""
    return {"NAAS-API-Version": microversion, **headers}


class Bearer(requests.auth.AuthBase):
    """`Authorization: Bearer <token>`."""

    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class XAPIKey(requests.auth.AuthBase):
    """`X-API-Key: <token>`."""

    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["X-API-Key"] = self.token
        return request


@dataclass
class Key:
    """An API key as created (or rotated): the create body, token included."""

    body: dict = field(repr=False)

    @property
    def key_id(self):
        return self.body["key_id"]

    @property
    def token(self):
        return self.body["token"]

    @property
    def role(self):
        return self.body["role"]

    @property
    def contexts(self):
        return self.body["contexts"]

    @property
    def identity(self):
        return f"key:{self.key_id}"

    @property
    def auth(self):
        return Bearer(self.token)

    @property
    def header_auth(self):
        return XAPIKey(self.token)

    @property
    def sha256(self):
        return hashlib.sha256(self.token.encode()).hexdigest()


def create_key(client, admin_auth, role, contexts=None, ttl=None, name=None,
               microversion=API_KEYS):
    """POST /v2/api-keys as `admin_auth`; insists on a 201 and returns the Key."""
    body = {"role": role}
    if contexts is not None:
        body["contexts"] = list(contexts)
    if ttl is not None:
        body["ttl"] = ttl
    if name is not None:
        body["name"] = name
    response = client.request("POST", "/v2/api-keys", auth=admin_auth, json=body,
                              headers=at(microversion))
    assert response.status_code == 201, (response.status_code, response.text)
    return Key(validate_response(response))


def device_login(target):
    """The body fields that carry a device login for an API key or admin caller."""
    return {"username": target.username, "password": target.password}


def problem(response, status, slug, microversion=None):
    """Asserts an RFC 9457 problem of type `/problems/<slug>` with `status`,
    valid against the document; returns its body."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url} -> {response.status_code}, "
        f"expected {status} {slug}: {response.text[:500]}")
    media = response.headers.get("Content-Type", "").split(";")[0].strip()
    assert media == "application/problem+json", (media, response.text[:300])
    body = validate_response(response, microversion=microversion)
    assert body["type"] == f"/problems/{slug}", body
    assert body["status"] == status, body
    assert body["instance"] == response.headers["X-Request-ID"], body
    return body


def v1_message(response, status):
    """Asserts a NAAS v1 error (`{"message": ...}`) with `status`; returns the message."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    body = response.json()
    assert set(body) == {"message"} and isinstance(body["message"], str) and body["message"], body
    assert response.headers.get("X-API-Version") == "v1", dict(response.headers)
    validate_response(response)
    return body["message"]


def blamed(body):
    """The fields a v2 422 problem names (first element of each error's loc)."""
    return {entry["loc"][0] for entry in body["errors"] if entry["loc"]}


def rate_headers(response):
    """(limit, remaining, reset) as integers; AssertionError when one is missing."""
    missing = [name for name in RATE_HEADERS if name not in response.headers]
    assert not missing, (missing, dict(response.headers))
    return tuple(int(response.headers[name]) for name in RATE_HEADERS)
