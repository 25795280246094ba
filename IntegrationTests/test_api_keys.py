"""API keys (microversion 2.2): create, use, list, revoke, rotate and expire
them over HTTP and with `naas keys`; the jobs a key owns; the device login a
key-authenticated job carries in its body."""
import secrets
import time

import pytest

from harness.contract import validate_response
from harness.jobs import parse_time
from harness.security import (API_KEYS, INVALID_KEY_DETAIL, KEY_ID, TOKEN, V1_CHALLENGE,
                              V2_CHALLENGE, Bearer, Key, XAPIKey, at, blamed, create_key,
                              device_login, problem, v1_message)
from peers.net import LOOPBACK
from peers.silent import closed_port

MAX_TTL = 3600  # API_KEY_MAX_TTL of the server of test_ttl_above_the_maximum_is_422
DEFAULT_TTL = 7_776_000  # API_KEY_DEFAULT_TTL when not configured
LISTED_FIELDS = {"key_id", "prefix", "role", "contexts", "name", "created_by", "created_at",
                 "expires_at", "revoked_at", "status"}
CREATED_FIELDS = {"key_id", "token", "prefix", "role", "contexts", "name", "created_by",
                  "created_at", "expires_at"}
# Bodies the server must refuse still name a loopback port nothing listens on,
# so that even a job accepted by mistake never leaves 127.0.0.1.
REFUSED_PORT = closed_port()


def parked(**fields):
    return {"host": LOOPBACK, "port": REFUSED_PORT, "commands": ["show version"], **fields}


@pytest.fixture(scope="module")
def server(module_fleet):
    # One real worker: jobs go to loopback peers only (a refused port, sw-user).
    return module_fleet(workers=1)


@pytest.fixture(scope="module")
def http(server):
    return server.client()


@pytest.fixture(scope="module")
def admin(server):
    """The bootstrap admin key, made with `naas keys create` while the server runs."""
    return Key(server.create_key(role="admin", name="bootstrap"))


def v2(http, method, path, auth, microversion=API_KEYS, **options):
    return http.request(method, path, auth=auth, headers=at(microversion), **options)


def listed(http, admin):
    response = v2(http, "GET", "/v2/api-keys", admin.auth)
    assert response.status_code == 200, response.text
    return response, {entry["key_id"]: entry for entry in validate_response(response)["api_keys"]}


def works(http, key_or_auth, well_formed=True):
    """Whether the credentials authenticate (GET /v2/jobs is open to every role)."""
    auth = key_or_auth.auth if isinstance(key_or_auth, Key) else key_or_auth
    response = http.request("GET", "/v2/jobs", auth=auth)
    if response.status_code == 401:
        body = problem(response, 401, "unauthorized")
        if well_formed:
            assert body["detail"] == INVALID_KEY_DETAIL, body
        assert response.headers["WWW-Authenticate"] == V2_CHALLENGE
        return False
    assert response.status_code == 200, response.text
    validate_response(response)
    return True


def random_token():
    return "naas_" + secrets.token_urlsafe(32)


# --- create and list ---------------------------------------------------------------

def test_create_shows_the_token_once_and_lists_never_do(http, admin):
    response = v2(http, "POST", "/v2/api-keys", admin.auth,
                  json={"role": "operator", "contexts": ["*"], "ttl": 3600, "name": "ci runner"})
    assert response.status_code == 201, response.text
    body = validate_response(response)
    assert set(body) == CREATED_FIELDS, body
    assert KEY_ID.match(body["key_id"]), body
    assert TOKEN.match(body["token"]), body
    assert body["prefix"] == body["token"][:12], body
    assert (body["role"], body["contexts"], body["name"]) == ("operator", ["*"], "ci runner")
    assert body["created_by"] == admin.identity, body
    assert response.headers["Location"].endswith(f"/v2/api-keys/{body['key_id']}"), \
        response.headers
    lifetime = parse_time(body["expires_at"]) - parse_time(body["created_at"])
    assert abs(lifetime.total_seconds() - 3600) < 5, body

    key = Key(body)
    listing, entries = listed(http, admin)
    entry = entries[key.key_id]
    assert set(entry) == LISTED_FIELDS, entry
    assert entry["status"] == "active" and entry["revoked_at"] is None, entry
    assert entry["prefix"] == key.token[:12]
    assert entry["created_by"] == admin.identity
    for token in (key.token, admin.token):
        assert token not in listing.text
    for digest in (key.sha256, admin.sha256):
        assert digest not in listing.text
    assert all("token" not in item for item in entries.values())
    order = list(entries)
    assert order.index(key.key_id) < order.index(admin.key_id), "newest first"


def test_ttl_defaults_and_zero_never_expires(http, admin):
    default = create_key(http, admin.auth, "viewer")
    lifetime = parse_time(default.body["expires_at"]) - parse_time(default.body["created_at"])
    assert abs(lifetime.total_seconds() - DEFAULT_TTL) < 5, default.body
    assert default.contexts == ["*"] and default.body["name"] is None, default.body

    forever = create_key(http, admin.auth, "viewer", ttl=0)
    assert forever.body["expires_at"] is None, forever.body
    assert works(http, forever)


def test_ttl_above_the_maximum_is_422(naas_factory):
    server = naas_factory(workers=0, env={"API_KEY_MAX_TTL": str(MAX_TTL)})
    http = server.client()
    admin = Key(server.create_key(role="admin", ttl=MAX_TTL))
    assert create_key(http, admin.auth, "viewer", ttl=MAX_TTL).body["expires_at"] is not None
    # Never expiring (0) is longer than any maximum.
    for body in ({"role": "viewer", "ttl": MAX_TTL + 1}, {"role": "viewer", "ttl": 0}):
        found = problem(v2(http, "POST", "/v2/api-keys", admin.auth, json=body), 422,
                        "validation-error")
        assert blamed(found) == {"ttl"}, found


# --- using a key -------------------------------------------------------------------

def test_token_works_as_bearer_and_as_x_api_key(http, admin):
    key = create_key(http, admin.auth, "viewer")
    assert works(http, Bearer(key.token))
    assert works(http, XAPIKey(key.token))


def test_authorization_wins_over_x_api_key(http, admin):
    key = create_key(http, admin.auth, "viewer")
    both_good_first = http.request("GET", "/v2/jobs", headers={
        "Authorization": f"Bearer {key.token}", "X-API-Key": random_token()})
    assert both_good_first.status_code == 200, both_good_first.text
    validate_response(both_good_first)
    bad_first = http.request("GET", "/v2/jobs", headers={
        "Authorization": f"Bearer {random_token()}", "X-API-Key": key.token})
    problem(bad_first, 401, "unauthorized")


@pytest.mark.parametrize("token", ["unknown", "not-a-token", "naas_"], ids=str)
def test_unknown_token_is_unauthorized(http, token):
    value = random_token() if token == "unknown" else token
    for auth in (Bearer(value), XAPIKey(value)):
        assert not works(http, auth, well_formed=token == "unknown")


def test_without_credentials_v2_offers_both_ways_in_and_v1_basic_only(http):
    v2_response = http.request("GET", "/v2/jobs")
    problem(v2_response, 401, "unauthorized")
    assert v2_response.headers["WWW-Authenticate"] == V2_CHALLENGE
    v1_response = http.request("GET", "/v1/jobs")
    v1_message(v1_response, 401)
    assert v1_response.headers["WWW-Authenticate"] == V1_CHALLENGE


def test_v1_accepts_no_api_key(http, admin):
    key = create_key(http, admin.auth, "operator")
    for auth in (key.auth, key.header_auth):
        response = http.request("GET", "/v1/jobs", auth=auth)
        v1_message(response, 401)
        assert response.headers["WWW-Authenticate"] == V1_CHALLENGE


# --- revoke, rotate, expire ----------------------------------------------------------

def test_revoked_key_fails_from_the_next_request_on(http, admin):
    key = create_key(http, admin.auth, "operator", name="to revoke")
    assert works(http, key)

    response = v2(http, "DELETE", f"/v2/api-keys/{key.key_id}", admin.auth)
    assert response.status_code == 204, response.text
    assert response.content == b""
    validate_response(response)
    assert not works(http, key)
    assert not works(http, key.header_auth)

    again = v2(http, "DELETE", f"/v2/api-keys/{key.key_id}", admin.auth)
    assert again.status_code == 204, again.text
    entry = listed(http, admin)[1][key.key_id]
    assert entry["status"] == "revoked" and entry["revoked_at"] is not None, entry
    problem(v2(http, "POST", f"/v2/api-keys/{key.key_id}/rotate", admin.auth), 404, "not-found")


def test_rotation_replaces_the_token_and_keeps_the_key(http, admin, closed_target):
    key = create_key(http, admin.auth, "operator", contexts=["default"], ttl=3600, name="rotating")
    accepted = v2(http, "POST", "/v2/send-command", key.auth,
                  json=closed_target.body(commands=["show version"], **device_login(closed_target)))
    assert accepted.status_code == 202, accepted.text
    job_id = accepted.json()["job_id"]

    response = v2(http, "POST", f"/v2/api-keys/{key.key_id}/rotate", admin.auth)
    assert response.status_code == 200, response.text
    body = validate_response(response)
    assert set(body) == CREATED_FIELDS, body
    rotated = Key(body)
    assert rotated.key_id == key.key_id
    assert (rotated.role, rotated.contexts, body["name"]) == ("operator", ["default"], "rotating")
    assert TOKEN.match(rotated.token) and rotated.token != key.token
    assert body["prefix"] == rotated.token[:12]
    lifetime = parse_time(body["expires_at"]) - parse_time(key.body["created_at"])
    assert lifetime.total_seconds() >= 3600 - 5, body

    assert not works(http, key)
    assert works(http, rotated)
    # The key id did not change, so its jobs stay visible to the new token.
    job = http.wait_for_job(job_id, rotated.auth, path="/v2/send-command")
    assert job["job_id"] == job_id
    assert listed(http, admin)[1][key.key_id]["prefix"] == rotated.token[:12]


def test_expired_key_is_unauthorized(http, admin):
    key = create_key(http, admin.auth, "viewer", ttl=2)
    assert works(http, key)
    time.sleep(2.5)
    assert not works(http, key)
    assert listed(http, admin)[1][key.key_id]["status"] == "expired"


# --- naas keys, on the server's machine ---------------------------------------------

def test_keys_command_works_while_the_server_runs(server, http, admin, cli_key):
    key = cli_key(server, role="viewer", contexts=["default"], ttl=600, name="from cli")
    created = key.body
    assert set(created) == CREATED_FIELDS, created
    assert KEY_ID.match(key.key_id) and TOKEN.match(key.token)
    assert (key.role, key.contexts, created["name"]) == ("viewer", ["default"], "from cli")
    assert works(http, key)
    problem(v2(http, "POST", "/v2/send-command", key.auth,
               json=parked(username="u", password="p")), 403, "insufficient-role")

    listing = server.keys("list")
    assert key.key_id in listing.stdout and admin.key_id in listing.stdout
    assert key.token not in listing.stdout and key.sha256 not in listing.stdout

    server.keys("revoke", key.key_id)
    assert not works(http, key)
    assert listed(http, admin)[1][key.key_id]["status"] == "revoked"


def test_keys_command_refuses_a_bad_role(server):
    completed = server.keys("create", "--role", "root", check=False)
    assert completed.returncode != 0
    assert "naas_" not in completed.stdout


# --- invalid requests ----------------------------------------------------------------

INVALID_BODIES = [
    ({}, {"role"}),
    ({"role": "root"}, {"role"}),
    ({"role": None}, {"role"}),
    ({"role": 2}, {"role"}),
    ({"role": "viewer", "contexts": []}, {"contexts"}),
    ({"role": "viewer", "contexts": "default"}, {"contexts"}),
    ({"role": "viewer", "contexts": ["not-configured"]}, {"contexts"}),
    ({"role": "viewer", "contexts": ["Bad Name"]}, {"contexts"}),
    ({"role": "viewer", "ttl": -1}, {"ttl"}),
    ({"role": "viewer", "ttl": "60"}, {"ttl"}),
    ({"role": "viewer", "ttl": 1.5}, {"ttl"}),
    ({"role": "viewer", "name": ""}, {"name"}),
    ({"role": "viewer", "name": "x" * 101}, {"name"}),
    ({"role": "viewer", "name": 5}, {"name"}),
    ({"role": "root", "contexts": [], "ttl": -1, "name": ""}, {"role", "contexts", "ttl", "name"}),
]


@pytest.mark.parametrize("body,fields", INVALID_BODIES,
                         ids=["no-role", "unknown-role", "null-role", "int-role", "no-contexts",
                              "string-contexts", "unknown-context", "bad-context-name",
                              "negative-ttl", "string-ttl", "fraction-ttl",
                              "empty-name", "long-name", "int-name", "everything"])
def test_invalid_create_body_is_422_naming_each_field(http, admin, body, fields):
    response = v2(http, "POST", "/v2/api-keys", admin.auth, json=body)
    found = problem(response, 422, "validation-error")
    assert fields <= blamed(found), found


def test_create_body_that_is_not_json_is_400(http, admin):
    response = http.request("POST", "/v2/api-keys", auth=admin.auth, data=b"{role",
                            headers=at(API_KEYS, **{"Content-Type": "application/json"}))
    assert response.status_code == 400, response.text
    validate_response(response)


@pytest.mark.parametrize("method,suffix", [("DELETE", ""), ("POST", "/rotate")])
def test_unknown_key_id_is_404(http, admin, method, suffix):
    response = v2(http, method, f"/v2/api-keys/k-000000000000{suffix}", admin.auth)
    problem(response, 404, "not-found")


@pytest.mark.parametrize("key_id", ["k-XYZ", "k-ABCDEF012345", "k-0123", "k-0123456789abc",
                                    "0123456789ab", "key-0123456789ab"])
@pytest.mark.parametrize("method,suffix", [("DELETE", ""), ("POST", "/rotate")])
def test_malformed_key_id_is_400(http, admin, method, suffix, key_id):
    response = v2(http, method, f"/v2/api-keys/{key_id}{suffix}", admin.auth)
    assert response.status_code == 400, response.text
    validate_response(response)


@pytest.mark.parametrize("microversion", [None, "2.0", "2.1"])
def test_key_operations_do_not_exist_before_2_2(http, admin, microversion):
    headers = at(microversion) if microversion else {}
    requests = [("POST", "/v2/api-keys", {"role": "viewer"}), ("GET", "/v2/api-keys", None),
                ("DELETE", f"/v2/api-keys/{admin.key_id}", None),
                ("POST", f"/v2/api-keys/{admin.key_id}/rotate", None)]
    for method, path, body in requests:
        for auth in (admin.auth, None):
            options = {"json": body} if body is not None else {}
            response = http.request(method, path, auth=auth, headers=headers, **options)
            assert response.status_code == 404, (method, path, response.text)
            validate_response(response)  # the document's plain 404 at that microversion
    assert works(http, admin), "the admin key was neither revoked nor rotated"


def test_non_admin_keys_cannot_manage_keys(http, admin):
    for role in ("viewer", "operator"):
        key = create_key(http, admin.auth, role)
        for method, path, body in [("POST", "/v2/api-keys", {"role": "viewer"}),
                                   ("GET", "/v2/api-keys", None),
                                   ("DELETE", f"/v2/api-keys/{admin.key_id}", None),
                                   ("POST", f"/v2/api-keys/{admin.key_id}/rotate", None)]:
            options = {"json": body} if body is not None else {}
            found = problem(v2(http, method, path, key.auth, **options), 403, "insufficient-role")
            assert "admin" in found["detail"] and role in found["detail"], found
    assert works(http, admin)


def test_context_limited_admin_creates_keys_only_within_its_contexts(http, admin):
    limited = create_key(http, admin.auth, "admin", contexts=["default"])
    inside = create_key(http, limited.auth, "viewer", contexts=["default"])
    assert inside.body["created_by"] == limited.identity
    for contexts in (["*"], None):
        body = {"role": "viewer"} if contexts is None else {"role": "viewer", "contexts": contexts}
        problem(v2(http, "POST", "/v2/api-keys", limited.auth, json=body), 403, "context-denied")


def test_context_limited_admin_manages_only_keys_within_its_contexts(http, admin):
    """Regression: an admin key limited to `default` could rotate an
    every-context admin key and so obtain a token with that key's reach."""
    limited = create_key(http, admin.auth, "admin", contexts=["default"])
    inside = create_key(http, admin.auth, "viewer", contexts=["default"])
    wider = create_key(http, admin.auth, "operator")  # every context
    for method, path in [("POST", f"/v2/api-keys/{admin.key_id}/rotate"),
                         ("DELETE", f"/v2/api-keys/{admin.key_id}"),
                         ("POST", f"/v2/api-keys/{wider.key_id}/rotate"),
                         ("DELETE", f"/v2/api-keys/{wider.key_id}")]:
        found = problem(v2(http, method, path, limited.auth), 403, "context-denied")
        assert '"*"' in found["detail"], found
    assert works(http, admin) and works(http, wider), "a refused act changed the key"
    _, seen = listed(http, limited)
    assert inside.key_id in seen and limited.key_id in seen, seen
    assert admin.key_id not in seen and wider.key_id not in seen, seen
    _, everything = listed(http, admin)
    assert {admin.key_id, wider.key_id, inside.key_id} <= everything.keys()
    rotated = v2(http, "POST", f"/v2/api-keys/{inside.key_id}/rotate", limited.auth)
    assert rotated.status_code == 200, rotated.text
    assert not works(http, inside) and works(http, Key(validate_response(rotated)))
    assert v2(http, "DELETE", f"/v2/api-keys/{inside.key_id}", limited.auth).status_code == 204
    problem(v2(http, "DELETE", "/v2/api-keys/k-000000000000", limited.auth), 404, "not-found")


# --- jobs and keys -------------------------------------------------------------------

def submit_as(http, key, target, path="/v2/send-command", microversion=API_KEYS, **fields):
    if path.endswith("send-command"):
        fields.setdefault("commands", ["show version"])
    else:
        fields.setdefault("config", ["vlan 42"])
    body = target.body(**device_login(target), **fields)
    return v2(http, "POST", path, key.auth, microversion=microversion, json=body)


def test_a_key_sees_its_own_jobs_and_an_admin_sees_all(http, admin, closed_target):
    owner = create_key(http, admin.auth, "operator")
    other = create_key(http, admin.auth, "operator")
    viewer = create_key(http, admin.auth, "viewer")
    accepted = submit_as(http, owner, closed_target)
    assert accepted.status_code == 202, accepted.text
    validate_response(accepted)
    job_id = accepted.json()["job_id"]
    job = http.wait_for_job(job_id, owner.auth, path="/v2/send-command")
    assert job["status"] == "finished", job

    assert v2(http, "GET", f"/v2/send-command/{job_id}", owner.auth).status_code == 200
    for intruder in (other, viewer):
        problem(v2(http, "GET", f"/v2/send-command/{job_id}", intruder.auth), 403, "forbidden")
    problem(v2(http, "DELETE", f"/v2/jobs/{job_id}", other.auth), 403, "forbidden")
    seen = v2(http, "GET", f"/v2/send-command/{job_id}", admin.auth)
    assert seen.status_code == 200 and validate_response(seen)["job_id"] == job_id

    def listing(key):
        response = v2(http, "GET", "/v2/jobs", key.auth, params={"per_page": 100})
        assert response.status_code == 200, response.text
        return {entry["job_id"] for entry in validate_response(response)["jobs"]}

    assert job_id in listing(owner)
    assert job_id in listing(admin)
    assert job_id not in listing(other)
    assert listing(viewer) == set()


def test_key_job_runs_with_the_device_login_from_the_body(http, admin, sw_user):
    key = create_key(http, admin.auth, "operator")
    accepted = submit_as(http, key, sw_user, commands=["show version"])
    assert accepted.status_code == 202, accepted.text
    job = http.wait_for_job(accepted.json()["job_id"], key.auth, path="/v2/send-command")
    assert job["status"] == "finished" and job["error"] is None, job
    assert "Cisco IOS Software" in job["results"]["show version"], job
    assert sw_user.password not in str(job)


def test_key_caller_must_send_the_device_login(http, admin):
    key = create_key(http, admin.auth, "operator")
    found = problem(v2(http, "POST", "/v2/send-command", key.auth, json=parked()),
                    422, "validation-error")
    assert {"username", "password"} <= blamed(found), found
    assert any(entry["type"] == "missing" for entry in found["errors"]), found


@pytest.mark.parametrize("microversion", ["2.0", "2.1"])
def test_device_login_in_the_body_does_not_exist_before_2_2(http, admin, microversion):
    key = create_key(http, admin.auth, "operator")
    response = v2(http, "POST", "/v2/send-command", key.auth, microversion=microversion,
                  json=parked(username="u", password="p"))
    found = problem(response, 422, "validation-error")
    assert {"username", "password"} & blamed(found), found


def test_basic_caller_must_not_send_a_device_login_in_the_body(http, new_caller):
    caller = new_caller()
    for fields in ({"username": "someone"}, {"password": "pw"}, {"username": "u", "password": "p"}):
        response = http.request("POST", "/v2/send-command", auth=caller, json=parked(**fields),
                                headers=at(API_KEYS))
        found = problem(response, 422, "validation-error")
        assert set(fields) <= blamed(found), found
