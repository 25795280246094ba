"""The protections, each on a server of its own with small thresholds: the
circuit breaker per device, device and Basic-username lockouts, and the rate
limits per caller and per caller and device, on v2 and v1."""
import time

from harness.contract import validate_response
from harness.samples import PARKED_HOST, command_body
from harness.security import (API_KEYS, CIRCUIT_OPEN, REPLAY, Key, at, device_login, problem,
                              rate_headers, v1_message)

WRONG_PASSWORD = "naas-wrong-pw-lockout-31"


def run_v2(http, target, auth=None, **fields):
    """Submit a command job to `target` over v2 and wait until it ends; returns its id."""
    body = target.body(commands=["show version"], **fields)
    response = http.request("POST", "/v2/send-command", auth=auth or target.auth, json=body)
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    http.wait_for_job(job_id, auth or target.auth, path="/v2/send-command", timeout=60)
    return job_id


def read_at(http, job_id, auth, microversion):
    response = http.request("GET", f"/v2/send-command/{job_id}", auth=auth,
                            headers=at(microversion))
    assert response.status_code == 200, response.text
    return validate_response(response)


# --- circuit breaker ---------------------------------------------------------------------

CIRCUIT_ENV = {"CIRCUIT_BREAKER_THRESHOLD": "2", "CIRCUIT_BREAKER_TIMEOUT": "2"}


def assert_circuit_open(http, job_id, target, failures=2):
    job = read_at(http, job_id, target.auth, CIRCUIT_OPEN)
    assert job["status"] == "finished" and job["results"] is None, job
    assert job["error_code"] == "CIRCUIT_OPEN" and job["error_retryable"] is True, job
    assert f"Circuit open for {target.host}:{target.port} after {failures} connection " \
        "failures" in job["error"], job
    assert "retry after" in job["error"], job
    return job


def test_circuit_opens_after_the_threshold_and_closes_after_a_successful_probe(
        naas_factory, sw_user_relay):
    relay, target = sw_user_relay, sw_user_relay.target  # the relay is off: refused
    server = naas_factory(workers=1, env=CIRCUIT_ENV)
    http = server.client()

    for _ in range(2):
        job = read_at(http, run_v2(http, target), target.auth, "2.1")
        assert job["error_code"] == "CONNECTION_REFUSED", job
    opened_at = time.monotonic()

    began = time.monotonic()
    tripped = run_v2(http, target)
    assert time.monotonic() - began < 5
    job = assert_circuit_open(http, tripped, target)
    # Before 2.5 the same job reads as a refused connection, with the same text.
    for microversion in ("2.1", REPLAY):
        older = read_at(http, tripped, target.auth, microversion)
        assert older["error_code"] == "CONNECTION_REFUSED", older
        assert older["error_retryable"] is True and older["error"] == job["error"], older
    assert "error_code" not in read_at(http, tripped, target.auth, "2.0")
    v1_job = http.job(tripped, target.auth)
    assert v1_job.status_code == 200 and "Circuit open" in v1_job.json()["error"], v1_job.text

    # The device comes back; once the timeout is over one probe job reaches it.
    relay.on()
    time.sleep(max(0.0, opened_at + 2.5 - time.monotonic()))
    probe = read_at(http, run_v2(http, target), target.auth, CIRCUIT_OPEN)
    assert probe["error"] is None and "Cisco IOS Software" in probe["results"]["show version"], \
        probe
    after = read_at(http, run_v2(http, target), target.auth, CIRCUIT_OPEN)
    assert after["error"] is None, after


def test_failed_probe_opens_the_circuit_again(naas_factory, closed_target):
    server = naas_factory(workers=1, env=CIRCUIT_ENV)
    http = server.client()
    for _ in range(2):
        run_v2(http, closed_target)
    opened_at = time.monotonic()
    assert_circuit_open(http, run_v2(http, closed_target), closed_target)

    time.sleep(max(0.0, opened_at + 2.5 - time.monotonic()))
    probe = read_at(http, run_v2(http, closed_target), closed_target.auth, CIRCUIT_OPEN)
    assert probe["error_code"] == "CONNECTION_REFUSED", "the half-open probe reached the device"
    assert_circuit_open(http, run_v2(http, closed_target), closed_target, failures=3)


def test_circuit_is_per_device(naas_factory, closed_target, sw_user):
    server = naas_factory(workers=1, env=CIRCUIT_ENV)
    http = server.client()
    for _ in range(3):
        run_v2(http, closed_target)
    job = read_at(http, run_v2(http, sw_user), sw_user.auth, CIRCUIT_OPEN)
    assert job["error"] is None and job["results"], job


# --- device lockout ------------------------------------------------------------------------

def test_device_is_locked_out_after_the_threshold_for_every_caller(naas_factory, closed_target,
                                                                   sw_user, new_caller):
    server = naas_factory(workers=1, env={"DEVICE_LOCKOUT_THRESHOLD": "3",
                                          "CIRCUIT_BREAKER_THRESHOLD": "0"})
    http = server.client()
    first = None
    for _ in range(3):
        job_id = run_v2(http, closed_target)
        first = first or job_id

    body = closed_target.body(commands=["show version"])
    for who in (closed_target.auth, new_caller()):
        locked = http.request("POST", "/v2/send-command", auth=who, json=body)
        found = problem(locked, 403, "locked-out")
        assert "detail" in found
        config = http.request("POST", "/v2/send-config", auth=who,
                              json=closed_target.body(config=["vlan 3"]))
        problem(config, 403, "locked-out")
        v1_message(http.submit("/v1/send_command", body, who), 403)
        v1_message(http.submit("/send_config", closed_target.body(config=["vlan 3"]), who), 403)
    problem(http.request("POST", f"/v2/jobs/{first}/replay", auth=closed_target.auth,
                         headers=at(REPLAY)), 403, "locked-out")
    # Reading is not submitting: the caller itself is not locked out.
    assert http.request("GET", f"/v2/send-command/{first}",
                        auth=closed_target.auth).status_code == 200

    other = run_v2(http, sw_user)
    job = read_at(http, other, sw_user.auth, CIRCUIT_OPEN)
    assert job["error"] is None and job["results"], job


# --- user lockout ---------------------------------------------------------------------------

def test_basic_username_is_locked_out_after_failed_logins(naas_factory, sw_user, new_caller):
    server = naas_factory(workers=1, env={"USER_LOCKOUT_THRESHOLD": "2"})
    http = server.client()
    wrong = sw_user.with_password(WRONG_PASSWORD)
    job = read_at(http, run_v2(http, wrong), wrong.auth, "2.1")
    assert job["error_code"] == "AUTH_FAILURE", job
    # The second failed login locks the username out as the job ends: from then
    # on even reading that job is refused.
    response = http.request("POST", "/v2/send-command", auth=wrong.auth,
                            json=wrong.body(commands=["show version"]))
    assert response.status_code == 202, response.text
    second = response.json()["job_id"]
    deadline = time.monotonic() + 60
    while True:
        read = http.request("GET", f"/v2/send-command/{second}", auth=wrong.auth)
        if read.status_code == 403:
            break
        assert read.status_code == 200 and read.json()["status"] in ("queued", "started"), \
            read.text
        assert time.monotonic() < deadline, "the username was not locked out"
        time.sleep(0.05)

    for auth in (wrong.auth, sw_user.auth, (sw_user.username, "any-other-password")):
        problem(http.request("GET", "/v2/jobs", auth=auth), 403, "locked-out")
        problem(http.request("POST", "/v2/send-command", auth=auth,
                             json=sw_user.body(commands=["show version"])), 403, "locked-out")
        v1_message(http.jobs(auth), 403)
        v1_message(http.submit("/v1/send_command", sw_user.body(commands=["show version"]),
                               auth), 403)

    someone = new_caller()
    assert http.request("GET", "/v2/jobs", auth=someone).status_code == 200
    assert http.jobs(someone).status_code == 200

    # API keys are not Basic logins: the same device username in a body still works.
    admin = Key(server.create_key(role="admin"))
    assert read_at(http, second, admin.auth, "2.1")["error_code"] == "AUTH_FAILURE"
    response = http.request("POST", "/v2/send-command", auth=admin.auth, headers=at(API_KEYS),
                            json=sw_user.body(commands=["show version"], **device_login(sw_user)))
    assert response.status_code == 202, response.text
    job = http.wait_for_job(response.json()["job_id"], admin.auth, path="/v2/send-command")
    assert job["error"] is None and job["results"], job


# --- rate limits -------------------------------------------------------------------------------

def test_basic_callers_are_not_limited_unless_the_operator_opts_in(naas_factory, new_caller, cli_key):
    """NAAS never rate-limits HTTP Basic callers: v1 scripts keep working; API keys stay limited."""
    limits = {"RATE_LIMIT_PER_CALLER": "3", "RATE_LIMIT_PER_DEVICE": "2", "RATE_LIMIT_WINDOW": "3600"}
    server = naas_factory(workers=1, hold_jobs=True, env=limits)
    http = server.client()
    caller = new_caller()
    device = command_body(host=PARKED_HOST, port=22)
    for _ in range(5):
        response = http.submit("/v1/send_command", device, caller)
        assert response.status_code == 202, response.text
        assert "X-RateLimit-Limit" not in response.headers, dict(response.headers)
    assert http.jobs(caller).status_code == 200

    key = cli_key(server, role="operator")
    body = {**device, "username": "ops", "password": "ops-pw-1"}
    statuses = [http.request("POST", "/v2/send-command", json=body, auth=key.auth,
                             headers=at(API_KEYS)).status_code for _ in range(3)]
    assert statuses == [202, 202, 429], statuses

    opted_in = naas_factory(workers=1, hold_jobs=True, env={**limits, "RATE_LIMIT_BASIC": "1"}).client()
    statuses = [opted_in.submit("/v1/send_command", device, caller).status_code for _ in range(3)]
    assert statuses == [202, 202, 429], statuses


def test_per_caller_limit_counts_down_then_429(naas_factory, new_caller):
    # An hour-long window: the sequence never straddles two windows (they are aligned to the clock).
    server = naas_factory(workers=1, hold_jobs=True, env={"RATE_LIMIT_PER_CALLER": "5", "RATE_LIMIT_WINDOW": "3600", "RATE_LIMIT_BASIC": "1"})
    http = server.client()
    caller = new_caller()
    for remaining in (4, 3, 2, 1, 0):
        response = http.request("GET", "/v2/jobs", auth=caller)
        assert response.status_code == 200, response.text
        validate_response(response)
        limit, left, reset = rate_headers(response)
        assert (limit, left) == (5, remaining), dict(response.headers)
        assert 0 < reset <= 3600, reset

    refused = http.request("GET", "/v2/jobs", auth=caller)
    problem(refused, 429, "rate-limited")
    assert 0 < int(refused.headers["Retry-After"]) <= 3600, refused.headers
    problem(http.request("POST", "/v2/send-command", auth=caller, json=command_body()),
            429, "rate-limited")

    other = http.request("GET", "/v2/jobs", auth=new_caller())
    assert other.status_code == 200 and rate_headers(other)[:2] == (5, 4)
    public = http.request("GET", "/v2/healthcheck")
    assert public.status_code == 200 and "X-RateLimit-Limit" not in public.headers

    v1_caller = new_caller()
    for remaining in (4, 3, 2, 1, 0):
        response = http.jobs(v1_caller)
        assert response.status_code == 200, response.text
        assert rate_headers(response)[:2] == (5, remaining), dict(response.headers)
    v1_refused = http.jobs(v1_caller)
    v1_message(v1_refused, 429)
    assert 0 < int(v1_refused.headers["Retry-After"]) <= 3600, v1_refused.headers


def test_per_caller_budget_comes_back_with_the_next_window(naas_factory, caller):
    server = naas_factory(workers=1, hold_jobs=True,
                          env={"RATE_LIMIT_PER_CALLER": "2", "RATE_LIMIT_WINDOW": "3", "RATE_LIMIT_BASIC": "1"})
    http = server.client()
    # Windows are aligned to the clock: start just after one opens, so the three requests share it.
    while time.time() % 3 > 0.5:
        time.sleep(0.05)
    for _ in range(2):
        assert http.request("GET", "/v2/jobs", auth=caller).status_code == 200
    refused = http.request("GET", "/v2/jobs", auth=caller)
    problem(refused, 429, "rate-limited")
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= 3, refused.headers
    time.sleep(wait + 1)  # Retry-After is whole seconds
    again = http.request("GET", "/v2/jobs", auth=caller)
    assert again.status_code == 200, again.text
    assert rate_headers(again)[:2] == (2, 1)


def test_per_device_limit_counts_submissions_per_caller_and_device(naas_factory, new_caller):
    server = naas_factory(workers=1, hold_jobs=True, env={"RATE_LIMIT_PER_DEVICE": "2", "RATE_LIMIT_WINDOW": "3600", "RATE_LIMIT_BASIC": "1"})
    http = server.client()
    caller = new_caller()
    device = command_body(host=PARKED_HOST, port=22)
    for remaining in (1, 0):
        response = http.request("POST", "/v2/send-command", auth=caller, json=device)
        assert response.status_code == 202, response.text
        validate_response(response)
        assert rate_headers(response)[:2] == (2, remaining), dict(response.headers)
    refused = http.request("POST", "/v2/send-command", auth=caller, json=device)
    problem(refused, 429, "rate-limited")
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    problem(http.request("POST", "/v2/send-config", auth=caller,
                         json={"host": PARKED_HOST, "port": 22, "config": ["vlan 5"]}),
            429, "rate-limited")

    # Another device (another host, or another port), and another caller, have budgets of their own.
    for body, who in [(command_body(host="192.0.2.11"), caller),
                      (command_body(host=PARKED_HOST, port=2222), caller),
                      (device, new_caller())]:
        response = http.request("POST", "/v2/send-command", auth=who, json=body)
        assert response.status_code == 202, response.text
    # Reading is not submitting.
    listing = http.request("GET", "/v2/jobs", auth=caller)
    assert listing.status_code == 200, listing.text

    v1_caller = new_caller()
    for _ in range(2):
        assert http.submit("/v1/send_command", device, v1_caller).status_code == 202
    v1_refused = http.submit("/v1/send_command", device, v1_caller)
    v1_message(v1_refused, 429)
    assert "Retry-After" in v1_refused.headers
