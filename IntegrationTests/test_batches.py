"""Batches (microversion 2.12) through the real binary: one request queues a
job per simulated device, the batch's aggregate status follows them, limits
and refusals queue nothing, and device logins are sealed like any job's."""
import time
import uuid

import pytest

from harness.contract import validate_response
from harness.security import BATCHES, REUSE, at, problem
from harness.stored import stored_secrets
from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME, device_spec

AUTH = (USERNAME, PASSWORD)
ADMIN_SECRET = "naas-batch-admin-secret-51"


@pytest.fixture(scope="module")
def devices(tmp_path_factory):
    specs = [device_spec(name, "cisco_ios", **knobs)
             for name, knobs in {"good-1": {}, "good-2": {}, "refuser": {"fault": "reject_auth"}}.items()]
    sim = Simulator(tmp_path_factory.mktemp("batch-sim"), specs).start()
    yield sim
    sim.stop()


@pytest.fixture(scope="module")
def running(module_fleet):
    return module_fleet(workers=2, env={"NAAS_CONTEXTS": "default,lab", "NAAS_ADMIN_SECRET": ADMIN_SECRET})


@pytest.fixture(scope="module")
def held(module_fleet):
    """Jobs stay queued; small limits."""
    return module_fleet(workers=1, hold_jobs=True, env={
        "BATCH_MAX_DEVICES": "3", "BATCH_MAX_COMMANDS": "2", "RATE_LIMIT_BASIC": "1", "RATE_LIMIT_PER_DEVICE": "2"})


def entry(device, **extra):
    return {"host": device.host, "port": device.port, **extra}


def submit(http, auth, payload, path="/v2/send-command/batch", microversion=BATCHES, headers=None):
    return http.request("POST", path, auth=auth, json=payload, headers=at(microversion, **(headers or {})))


def accepted(response):
    assert response.status_code == 202, response.text
    return validate_response(response, microversion=BATCHES)


def read(http, auth, batch_id, **params):
    response = http.request("GET", f"/v2/batches/{batch_id}", auth=auth, headers=at(BATCHES), params=params or None)
    assert response.status_code == 200, response.text
    return validate_response(response, microversion=BATCHES)


def ended(http, auth, batch_id, timeout=30, **params):
    deadline = time.monotonic() + timeout
    while True:
        batch = read(http, auth, batch_id, **params)
        if batch["status"] != "pending" or time.monotonic() > deadline:
            return batch
        time.sleep(0.1)


def job_total(http, auth):
    response = http.request("GET", "/v2/jobs", auth=auth, headers=at(BATCHES))
    return validate_response(response, microversion=BATCHES)["pagination"]["total"]


def test_a_batch_over_devices_that_succeed_and_fail_is_a_partial_failure(running, devices):
    http = running.client()
    good, refuser = devices["good-1"], devices["refuser"]
    body = {"commands": ["show version"], "enable": ENABLE_SECRET, "tags": {"change": "CHG-12"},
            "devices": [entry(good), entry(refuser), entry(devices["good-2"], platform="cisco_ios")]}
    batch = accepted(submit(http, AUTH, body))
    assert batch["status"] == "pending" and batch["message"] == "Batch enqueued", batch
    assert [job["port"] for job in batch["jobs"]] == [good.port, refuser.port, devices["good-2"].port], batch
    assert len({job["job_id"] for job in batch["jobs"]}) == 3 and batch["batch_id"] not in {
        job["job_id"] for job in batch["jobs"]}, batch

    done = ended(http, AUTH, batch["batch_id"])
    assert done["status"] == "partial_failure", done
    assert done["counts"] == {"total": 3, "queued": 0, "started": 0, "succeeded": 2, "failed": 1}, done
    assert [job["job_id"] for job in done["jobs"]] == [job["job_id"] for job in batch["jobs"]], done
    assert [job["error_code"] for job in done["jobs"]] == [None, "AUTH_FAILURE", None], done
    assert all("results" not in job for job in done["jobs"]), done

    with_results = read(http, AUTH, batch["batch_id"], include="results")
    assert "Cisco IOS" in with_results["jobs"][0]["results"]["show version"], with_results
    assert with_results["jobs"][1]["results"] is None, with_results
    # Each device's job is an ordinary job: its result route, its tags.
    first = http.request("GET", f"/v2/send-command/{batch['jobs'][0]['job_id']}", auth=AUTH, headers=at(BATCHES))
    job = validate_response(first, microversion=BATCHES)
    assert job["status"] == "finished" and job["tags"] == {"change": "CHG-12"}, job
    # The simulator saw each device once: one job per device.
    for device in (good, devices["good-2"]):
        assert len(devices.events(device=device.name, event="command")) >= 1


def test_all_succeeded_is_complete_and_none_is_failed(running, devices):
    http = running.client()
    good = accepted(submit(http, AUTH, {"config": ["vlan 12"], "enable": ENABLE_SECRET,
                                        "devices": [entry(devices["good-1"]), entry(devices["good-2"])]},
                           path="/v2/send-config/batch"))
    assert ended(http, AUTH, good["batch_id"])["status"] == "complete"
    bad = accepted(submit(http, AUTH, {"commands": ["show version"], "devices": [entry(devices["refuser"])]}))
    assert ended(http, AUTH, bad["batch_id"])["status"] == "failed"


def test_device_logins_of_an_api_key_caller_are_sealed(running, devices):
    http = running.client()
    wrong = "batch-wrong-pw-" + uuid.uuid4().hex[:8]
    body = {"commands": ["show version"], "username": USERNAME, "password": wrong, "enable": ENABLE_SECRET,
            "devices": [entry(devices["good-1"], password=PASSWORD, context="lab"), entry(devices["good-2"])]}
    batch = accepted(submit(http, ("batch-admin", ADMIN_SECRET), body))
    assert [job["context"] for job in batch["jobs"]] == ["lab", "default"], batch
    done = ended(http, ("batch-admin", ADMIN_SECRET), batch["batch_id"])
    # The device's own password wins; the shared one is wrong for the other device.
    assert [job["error_code"] for job in done["jobs"]] == [None, "AUTH_FAILURE"], done
    assert not stored_secrets(running.store_snapshot(), {"shared": wrong.encode(), "own": PASSWORD.encode()})


@pytest.mark.parametrize("change,location", [
    ({"devices": [{"host": "192.0.2.1"}] * 4}, ["devices"]),
    ({"commands": ["show a", "show b", "show c"]}, ["commands"]),
    ({"devices": []}, ["devices"]),
    ({"devices": "192.0.2.1"}, ["devices"]),
    ({"devices": None}, ["devices"]),
    ({"host": "192.0.2.1"}, ["host"]),
    ({"devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2", "port": 0}]}, ["devices", 1, "port"]),
    ({"devices": [{"host": "192.0.2.1", "commands": ["x"]}]}, ["devices", 0, "commands"]),
    ({"devices": [{"port": 22}]}, ["devices", 0, "host"]),
    ({"devices": [{"host": "not a host!"}]}, ["devices", 0, "host"]),
    ({"read_timeout": -1}, ["read_timeout"]),
])
def test_invalid_batches_are_a_422_naming_the_field_and_queue_nothing(held, caller, change, location):
    http = held.client()
    body = {"commands": ["show version"], "devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2"}], **change}
    refused = problem(submit(http, caller, body), 422, "validation-error", BATCHES)
    assert location in [entry["loc"] for entry in refused["errors"]], refused
    assert job_total(http, caller) == 0
    if location == ["devices"] and len(change.get("devices") or []) == 4:
        assert "BATCH_MAX_DEVICES" in refused["errors"][0]["msg"], refused
    if location == ["commands"]:
        assert "BATCH_MAX_COMMANDS" in refused["errors"][0]["msg"], refused


def test_a_shared_error_is_reported_once(held, caller):
    body = {"commands": [], "devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2"}]}
    refused = problem(submit(held.client(), caller, body), 422, "validation-error", BATCHES)
    assert [entry["loc"] for entry in refused["errors"]] == [["commands"]], refused


def test_one_refused_device_queues_none(held, caller):
    http = held.client()
    body = {"commands": ["show version"], "devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2", "context": "nowhere"}]}
    problem(submit(http, caller, body), 400, "unknown-context", BATCHES)
    assert job_total(http, caller) == 0


def test_a_batch_costs_one_submission_per_device_all_or_nothing(held, caller):
    http = held.client()
    body = {"commands": ["show version"], "devices": [{"host": "192.0.2.7"}, {"host": "192.0.2.8"}]}
    accepted(submit(http, caller, body))
    accepted(submit(http, caller, {**body, "devices": [{"host": "192.0.2.7"}]}))
    # 192.0.2.7 has used its 2 submissions: the whole batch is refused, 192.0.2.9 included.
    over = {**body, "devices": [{"host": "192.0.2.9"}, {"host": "192.0.2.7"}]}
    problem(submit(http, caller, over), 429, "rate-limited", BATCHES)
    assert job_total(http, caller) == 3


def test_a_taken_batch_id_is_a_400(held, caller):
    http = held.client()
    batch_id = str(uuid.uuid4())
    body = {"commands": ["show version"], "devices": [{"host": "192.0.2.3"}]}
    assert accepted(submit(http, caller, body, headers={"X-Request-ID": batch_id}))["batch_id"] == batch_id
    problem(submit(http, caller, body, headers={"X-Request-ID": batch_id}), 400, "bad-request", BATCHES)
    assert job_total(http, caller) == 1


def test_a_batch_is_its_owners(held, new_caller):
    http = held.client()
    owner, other = new_caller(), new_caller()
    batch = accepted(submit(http, owner, {"commands": ["show version"], "devices": [{"host": "192.0.2.4"}]}))
    assert read(http, owner, batch["batch_id"])["status"] == "pending"
    for who, batch_id in [(other, batch["batch_id"]), (owner, str(uuid.uuid4()))]:
        response = http.request("GET", f"/v2/batches/{batch_id}", auth=who, headers=at(BATCHES))
        problem(response, 403, "forbidden", BATCHES)
    response = http.request("GET", "/v2/batches/not-a-uuid", auth=owner, headers=at(BATCHES))
    problem(response, 400, "bad-request", BATCHES)
    response = http.request("GET", f"/v2/batches/{batch['batch_id']}", auth=owner, headers=at(BATCHES),
                            params={"include": "everything"})
    refused = problem(response, 422, "validation-error", BATCHES)
    assert [entry["loc"] for entry in refused["errors"]] == [["include"]], refused


def test_batches_do_not_exist_before_2_12(held, caller):
    http = held.client()
    body = {"commands": ["show version"], "devices": [{"host": "192.0.2.5"}]}
    assert submit(http, caller, body, microversion=REUSE).status_code == 404
    assert http.request("GET", f"/v2/batches/{uuid.uuid4()}", auth=caller, headers=at(REUSE)).status_code == 404
