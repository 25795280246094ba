"""The audit trail: one session on one server produces every audit event;
each is a JSON line of logger `naas.audit` with its identity and request id.
Then no device password, enable secret, admin secret or API token used in
the session is anywhere in the server's log or in its store files."""
import base64
import re
import secrets
import time

from harness.contract import validate_response
from harness.logs import audit_records
from harness.stored import stored_secrets
from harness.security import (API_KEYS, CONTEXTS, Bearer, Key, at, create_key, device_login,
                              problem)
from peers import accounts
from peers.switches import ENABLE_SECRET, PASSWORD

ADMIN_SECRET = "naas-admin-secret-audit-7d3f"
WRONG_BASIC_PASSWORD = "naas-wrong-pw-audit-basic-41"
WRONG_KEY_PASSWORD = "naas-wrong-pw-audit-key-42"
EVENTS = ("auth.success", "auth.failure", "auth.rbac_denied", "auth.context_denied",
          "apikey.created", "apikey.revoked", "apikey.rotated",
          "job.submitted", "job.completed", "job.cancelled",
          "device.locked_out", "user.locked_out", "circuit.opened", "circuit.closed")
ENV = {
    "NAAS_CONTEXTS": "default,lab",
    "NAAS_ADMIN_SECRET": ADMIN_SECRET,
    "CIRCUIT_BREAKER_THRESHOLD": "2",
    "CIRCUIT_BREAKER_TIMEOUT": "1",
    # 2 refused connections through the relay stay below it; 4 failed logins on sw-enabled reach it.
    "DEVICE_LOCKOUT_THRESHOLD": "4",
    "USER_LOCKOUT_THRESHOLD": "2",
}
LATEST = at("latest")


class Session:
    """What the session did, for the checks afterwards."""

    def __init__(self, server):
        self.server = server
        self.http = server.client()
        self.tokens = []
        self.request_ids = {}  # label -> X-Request-ID of the response
        self.jobs = {}

    def remember(self, label, response):
        self.request_ids[label] = response.headers["X-Request-ID"]
        return response

    def key(self, key):
        self.tokens.append(key.token)
        return key

    def submit(self, label, auth, body, path="/v2/send-command", wait=True, reader=None):
        response = self.http.request("POST", path, auth=auth, json=body, headers=LATEST)
        assert response.status_code == 202, (label, response.text)
        job_id = response.json()["job_id"]
        self.jobs[label] = job_id
        if wait:
            return self.http.wait_for_job(job_id, reader or auth, path=path, timeout=60)
        return job_id


def run_session(session, sw_user, sw_enabled, relay, blackhole_target):
    http = session.http
    bootstrap = session.key(Key(session.server.create_key(role="admin", name="audit bootstrap")))
    admin_secret = ("root", ADMIN_SECRET)
    session.bootstrap = bootstrap

    # auth.success (a key and the admin secret); auth.failure (unknown key, no credentials)
    assert http.request("GET", "/v2/api-keys", auth=bootstrap.auth, headers=LATEST).status_code == 200
    assert http.request("GET", "/v2/api-keys", auth=admin_secret, headers=LATEST).status_code == 200
    unknown = "naas_" + secrets.token_urlsafe(32)
    session.tokens.append(unknown)
    problem(session.remember("unknown key", http.request("GET", "/v2/jobs", auth=Bearer(unknown))),
            401, "unauthorized")
    problem(session.remember("no credentials", http.request("GET", "/v2/jobs")), 401, "unauthorized")

    # apikey.created
    operator = session.key(create_key(http, bootstrap.auth, "operator", name="audit operator"))
    viewer = session.key(create_key(http, admin_secret, "viewer", name="audit viewer"))
    lab = session.key(create_key(http, bootstrap.auth, "operator", contexts=["lab"]))
    session.operator, session.viewer, session.lab = operator, viewer, lab

    # auth.rbac_denied, auth.context_denied
    login = device_login(sw_user)
    problem(session.remember("rbac", http.request(
        "POST", "/v2/send-command", auth=viewer.auth, headers=LATEST,
        json=sw_user.body(commands=["show version"], **login))), 403, "insufficient-role")
    problem(session.remember("context", http.request(
        "POST", "/v2/send-command", auth=lab.auth, headers=at(CONTEXTS),
        json=sw_user.body(commands=["show version"], context="default", **login))),
        403, "context-denied")

    # job.submitted, job.completed: with a key (device login and enable secret in the
    # body), with a Basic device login
    job = session.submit("key job", operator.auth,
                         sw_user.body(commands=["show version"], **login))
    assert job["status"] == "finished" and job["error"] is None, job
    job = session.submit("basic job", sw_user.auth, sw_user.body(config=["vlan 240"]),
                         path="/v2/send-config")
    assert job["status"] == "finished" and job["error"] is None, job

    # job.cancelled: the only worker is busy with a silent device, so the next job waits
    session.submit("busy", operator.auth, blackhole_target.body(
        commands=["show version"], conn_timeout=3, **device_login(blackhole_target)), wait=False)
    http.wait_for_job(session.jobs["busy"], operator.auth, path="/v2/send-command",
                      until={"started", "finished", "failed"})
    queued = session.submit("canceled", operator.auth,
                            sw_user.body(commands=["show version"], **login), wait=False)
    canceled = http.request("DELETE", f"/v2/jobs/{queued}", auth=operator.auth)
    assert canceled.status_code == 200, canceled.text
    http.wait_for_job(session.jobs["busy"], operator.auth, path="/v2/send-command")

    # circuit.opened (two refused connections), circuit.closed (the probe succeeds)
    through = relay.target
    for label in ("refused 1", "refused 2"):
        job = session.submit(label, operator.auth,
                             through.body(commands=["show version"], **device_login(through)))
        assert job["error"], job
    relay.on()
    time.sleep(1.5)
    job = session.submit("probe", operator.auth,
                         through.body(commands=["show version"], **device_login(through)))
    assert job["error"] is None, job

    # user.locked_out: a Basic username whose jobs fail to log in twice (the
    # admin key reads them: the username is locked out as the second one ends)
    wrong_basic = sw_enabled.with_password(WRONG_BASIC_PASSWORD)
    for label in ("wrong basic 1", "wrong basic 2"):
        job = session.submit(label, wrong_basic.auth, wrong_basic.body(commands=["show version"]),
                             reader=bootstrap.auth)
        assert job["error"], job
    problem(http.request("GET", "/v2/jobs", auth=sw_enabled.auth), 403, "locked-out")

    # device.locked_out: two more failed logins on the same device, with a key
    wrong_key = sw_enabled.with_password(WRONG_KEY_PASSWORD)
    for label in ("wrong key 1", "wrong key 2"):
        job = session.submit(label, operator.auth, wrong_key.body(
            commands=["show version"], enable=ENABLE_SECRET, **device_login(wrong_key)))
        assert job["error"], job
    problem(http.request("POST", "/v2/send-command", auth=operator.auth, headers=LATEST,
                         json=sw_enabled.body(commands=["show version"], **device_login(sw_enabled))),
            403, "locked-out")

    # apikey.rotated, apikey.revoked
    rotated = session.remember("rotate", http.request(
        "POST", f"/v2/api-keys/{operator.key_id}/rotate", auth=bootstrap.auth, headers=at(API_KEYS)))
    assert rotated.status_code == 200, rotated.text
    session.tokens.append(validate_response(rotated)["token"])
    revoked = session.remember("revoke", http.request(
        "DELETE", f"/v2/api-keys/{viewer.key_id}", auth=admin_secret, headers=at(API_KEYS)))
    assert revoked.status_code == 204, revoked.text


def secrets_used(session, targets):
    """Every secret of the session, as the bytes that must not be found."""
    found = {
        "device password": PASSWORD,
        "enable secret": ENABLE_SECRET,
        "linux password": accounts.LINUX.password,
        "wrong Basic password": WRONG_BASIC_PASSWORD,
        "wrong key-job password": WRONG_KEY_PASSWORD,
        "admin secret": ADMIN_SECRET,
    }
    for target in targets:
        found[f"password of {target.name}"] = target.password
    for index, token in enumerate(session.tokens):
        found[f"API token {index} ({token[:12]})"] = token
    needles = {label: value.encode() for label, value in found.items()}
    for user, password in [("root", ADMIN_SECRET), (targets[0].username, PASSWORD),
                           (targets[0].username, WRONG_BASIC_PASSWORD)]:
        needles[f"Basic header of {user}/{password}"] = base64.b64encode(
            f"{user}:{password}".encode())
    return needles


def store_leaks(server, needles):
    return stored_secrets(server.store_snapshot(), needles)


def events_named(records, event):
    return [r for r in records if r.get("event") == event]


# docs/security.md: `key:<key_id>`, `admin:<username>`, `basic:<username>`, or
# `system` for the protections' own events; a refused authentication has no
# identity yet: `anonymous`.
IDENTITY = re.compile(r"^(key:k-[0-9a-f]{12}|admin:.+|basic:.+|system)$")


def audit_problems(audit, session, sw_user, sw_enabled, relay):
    """Every way the audit trail differs from what the session did."""
    problems = []
    for record in audit:
        if record["message"] != record.get("event") or record.get("event") not in EVENTS:
            problems.append(f"message and event differ or are unknown: {record}")
        anonymous = record.get("event") == "auth.failure" and record.get("identity") == "anonymous"
        if not (anonymous or IDENTITY.match(str(record.get("identity")))):
            problems.append(f"identity is not key:/admin:/basic:/system: {record}")
        if "request_id" not in record:
            problems.append(f"no request_id: {record}")
        if "Cisco IOS Software" in str(record):
            problems.append(f"device output in an audit line: {record}")

    def one(event, **fields):
        matching = [r for r in events_named(audit, event)
                    if all(r.get(name) == value for name, value in fields.items())]
        if not matching:
            problems.append(f"no {event} with {fields}; {event} lines: "
                            f"{events_named(audit, event)[:4]}")
            return {}
        return matching[0]

    def same(record, **fields):
        if record and any(record.get(name) != value for name, value in fields.items()):
            problems.append(f"expected {fields} in {record}")

    bootstrap, operator, viewer, lab = (session.bootstrap, session.operator, session.viewer,
                                        session.lab)
    one("auth.success", identity=bootstrap.identity, role="admin")
    one("auth.success", identity="admin:root", role="admin")
    for label in ("unknown key", "no credentials"):
        one("auth.failure", request_id=session.request_ids[label])
    same(one("auth.rbac_denied", request_id=session.request_ids["rbac"]),
         identity=viewer.identity, role="viewer", required_role="operator")
    same(one("auth.context_denied", request_id=session.request_ids["context"]),
         identity=lab.identity, context="default")
    for key, creator in [(operator, bootstrap.identity), (viewer, "admin:root"),
                         (lab, bootstrap.identity)]:
        one("apikey.created", key_id=key.key_id, identity=creator)
    one("apikey.rotated", key_id=operator.key_id, request_id=session.request_ids["rotate"],
        identity=bootstrap.identity)
    one("apikey.revoked", key_id=viewer.key_id, request_id=session.request_ids["revoke"],
        identity="admin:root")

    for label in ("key job", "basic job", "canceled", "probe"):
        job_id = session.jobs[label]
        one("job.submitted", job_id=job_id, request_id=job_id)
    one("job.submitted", job_id=session.jobs["key job"], identity=operator.identity)
    one("job.submitted", job_id=session.jobs["basic job"], identity=f"basic:{sw_user.username}")
    one("job.completed", job_id=session.jobs["key job"], status="finished")
    one("job.completed", job_id=session.jobs["basic job"], status="finished")
    one("job.completed", job_id=session.jobs["wrong key 1"], status="finished",
        error_code="AUTH_FAILURE")
    one("job.cancelled", job_id=session.jobs["canceled"], identity=operator.identity)
    if [r for r in events_named(audit, "job.completed")
            if r.get("job_id") == session.jobs["canceled"]]:
        problems.append("job.completed for a job canceled before it ran")

    relayed = f"{relay.target.host}:{relay.target.port}"
    one("circuit.opened", device=relayed)
    one("circuit.closed", device=relayed)
    one("device.locked_out", device=f"{sw_enabled.host}:{sw_enabled.port}")
    one("user.locked_out")
    return problems


def test_audit_trail_and_no_secret_anywhere(naas_factory, sw_user, sw_enabled, sw_user_relay,
                                            blackhole_target):
    server = naas_factory(workers=1, env=ENV)
    session = Session(server)
    run_session(session, sw_user, sw_enabled, sw_user_relay, blackhole_target)
    needles = secrets_used(session, [sw_user, sw_enabled, blackhole_target])
    # While the server runs: on SQLite, naas.sqlite plus its -wal and -shm files.
    if server.database_url is None:
        assert {"naas.sqlite", "naas.sqlite-wal"} <= {path.name for path in server.data_dir.iterdir()}
    assert store_leaks(server, needles) == []
    server.stop()  # flush the log; the store files stay

    log_bytes = b"".join(path.read_bytes() for path in server.log_paths)
    assert [label for label, needle in needles.items() if needle in log_bytes] == []
    assert store_leaks(server, needles) == []
    everything = [path for path in server.root.rglob("*") if path.is_file()]
    leaks = [(str(path.relative_to(server.root)), label) for path in everything
             for label, needle in needles.items() if needle in path.read_bytes()]
    assert leaks == []

    audit = audit_records(server.log_records())
    assert audit, "no naas.audit records"
    missing = [event for event in EVENTS if not events_named(audit, event)]
    assert not missing, f"audit events never written: {missing}"
    problems = audit_problems(audit, session, sw_user, sw_enabled, sw_user_relay)
    assert not problems, "\n".join(problems)


def audit_events_of(naas_factory, *, log_level, env=None):
    """The audit events of a server after one refused and one accepted request."""
    server = naas_factory(workers=0, log_level=log_level, env=env)
    bootstrap = Key(server.create_key(role="admin", name="audit level"))
    http = server.client()
    problem(http.request("GET", "/v2/jobs"), 401, "unauthorized")
    assert http.request("GET", "/v2/api-keys", auth=bootstrap.auth, headers=LATEST).status_code == 200
    server.stop()  # flush the log
    return {record["event"] for record in audit_records(server.log_records())}


def test_a_quieter_service_log_keeps_the_audit_trail(naas_factory):
    """Regression: `--log-level warning` used to drop every audit line."""
    events = audit_events_of(naas_factory, log_level="warning")
    assert "auth.failure" in events, events
    assert "auth.success" not in events, "auth.success is info: it follows the service level"
    assert "auth.success" in audit_events_of(naas_factory, log_level="info")


def test_only_an_explicit_audit_level_turns_the_audit_trail_off(naas_factory):
    assert audit_events_of(naas_factory, log_level="info", env={"NAAS_AUDIT_LOG_LEVEL": "warning"}) == set()
    events = audit_events_of(naas_factory, log_level="error", env={"NAAS_AUDIT_LOG_LEVEL": "info"})
    assert {"auth.failure", "auth.success"} <= events, events
