"""Idempotency keys and deduplication of submissions (microversion 2.11),
through the real binary: a retried request answers its original job, a key
reused with another request is refused, keys are the caller's own, and an
identical active job is reused unless the request opts out."""
import concurrent.futures
import uuid

import pytest

from harness.contract import validate_response
from harness.security import REUSE, TAGS, at, problem

DEVICE = {"host": "192.0.2.30", "platform": "cisco_ios"}


@pytest.fixture(scope="module")
def held(module_fleet):
    """Jobs stay queued, so a job stays active as long as a test needs."""
    return module_fleet(workers=1, hold_jobs=True)


@pytest.fixture(scope="module")
def http(held):
    return held.client()


def body(**extra):
    return {**DEVICE, "commands": ["show version"], **extra}


def submit(http, auth, payload, key=None, microversion=REUSE, header="Idempotency-Key", path="/v2/send-command"):
    headers = at(microversion, **({header: key} if key is not None else {}))
    return http.request("POST", path, auth=auth, json=payload, headers=headers)


def accepted(response, microversion=REUSE):
    assert response.status_code == 202, response.text
    return validate_response(response, microversion=microversion)


def job_count(http, auth):
    response = http.request("GET", "/v2/jobs", auth=auth, headers=at(REUSE), params={"per_page": 100})
    return validate_response(response, microversion=REUSE)["pagination"]["total"]


def test_the_same_key_and_request_answer_the_original_job(http, caller):
    key = str(uuid.uuid4())
    first = accepted(submit(http, caller, body(), key))
    again = accepted(submit(http, caller, body(), key))
    assert (first["idempotent"], first["deduplicated"]) == (False, False), first
    assert again["job_id"] == first["job_id"] and again["idempotent"] is True, again
    assert again["enqueued_at"] == first["enqueued_at"], (first, again)
    assert job_count(http, caller) == 1


def test_the_key_still_answers_after_its_job_ended(http, caller):
    key = str(uuid.uuid4())
    job_id = accepted(submit(http, caller, body(), key))["job_id"]
    assert http.request("DELETE", f"/v2/jobs/{job_id}", auth=caller, headers=at(REUSE)).status_code == 200
    again = accepted(submit(http, caller, body(), key))
    assert again["job_id"] == job_id and again["idempotent"] is True and again["queue_position"] == 0, again


def test_naas_header_name_is_the_same_key(http, caller):
    key = str(uuid.uuid4())
    first = accepted(submit(http, caller, body(), key, header="X-Idempotency-Key"))
    again = accepted(submit(http, caller, body(), key))
    assert again["job_id"] == first["job_id"] and again["idempotent"] is True, again


def test_a_key_reused_with_another_request_is_a_422_naming_the_header(http, caller):
    key = str(uuid.uuid4())
    first = accepted(submit(http, caller, body(), key))
    refused = problem(submit(http, caller, body(commands=["show clock"]), key), 422, "validation-error", REUSE)
    assert [entry["loc"] for entry in refused["errors"]] == [["Idempotency-Key"]], refused
    assert "different request" in refused["errors"][0]["msg"], refused
    # The same body on another operation is another request too.
    problem(submit(http, caller, {**DEVICE, "config": ["show version"]}, key, path="/v2/send-config"),
            422, "validation-error", REUSE)
    assert job_count(http, caller) == 1, first


def test_keys_belong_to_their_caller(http, new_caller):
    key = str(uuid.uuid4())
    one, two = new_caller(), new_caller()
    first = accepted(submit(http, one, body(), key))
    other = accepted(submit(http, two, body(), key))
    assert other["job_id"] != first["job_id"] and other["idempotent"] is False, other
    # Another caller's key is not a conflict either, whatever its body.
    accepted(submit(http, new_caller(), body(commands=["show clock"]), key))


@pytest.mark.parametrize("headers", [
    {"Idempotency-Key": "has space"},
    {"Idempotency-Key": "k" * 256},
    {"Idempotency-Key": "one", "X-Idempotency-Key": "two"},
])
def test_malformed_keys_are_a_400(http, caller, headers):
    response = http.request("POST", "/v2/send-command", auth=caller, json=body(), headers=at(REUSE, **headers))
    refused = problem(response, 400, "bad-request", REUSE)
    assert "Idempotency-Key" in refused["detail"], refused
    assert job_count(http, caller) == 0


def test_a_refused_submission_leaves_its_key_free(http, caller):
    key = str(uuid.uuid4())
    problem(submit(http, caller, body(context="nowhere"), key), 400, "unknown-context", REUSE)
    retried = accepted(submit(http, caller, body(), key))
    assert retried["idempotent"] is False, retried
    assert accepted(submit(http, caller, body(), key))["job_id"] == retried["job_id"]


def test_concurrent_retries_make_one_job(http, caller):
    key = str(uuid.uuid4())
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda _: submit(http, caller, body(), key), range(16)))
    statuses = sorted({response.status_code for response in responses})
    assert set(statuses) <= {202, 409}, statuses
    ids = {accepted(response)["job_id"] for response in responses if response.status_code == 202}
    for response in responses:
        if response.status_code == 409:
            problem(response, 409, "conflict", REUSE)
    assert len(ids) == 1 and job_count(http, caller) == 1, ids


def test_an_identical_active_job_is_reused(http, caller):
    first = accepted(submit(http, caller, body()))
    again = accepted(submit(http, caller, body()))
    assert again["job_id"] == first["job_id"], (first, again)
    assert (again["deduplicated"], again["idempotent"]) == (True, False), again
    assert again["queue_position"] == first["queue_position"] >= 1, (first, again)
    assert job_count(http, caller) == 1


@pytest.mark.parametrize("change", [
    {"commands": ["show clock"]},
    {"commands": ["show clock", "show version"]},
    {"port": 2222},
    {"read_timeout": 5},
    {"deduplicate": False},
])
def test_a_different_or_opted_out_job_is_new(http, caller, change):
    first = accepted(submit(http, caller, body(commands=["show version", "show clock"])))
    other = accepted(submit(http, caller, body(**{"commands": ["show version", "show clock"], **change})))
    assert other["job_id"] != first["job_id"] and other["deduplicated"] is False, other


def test_another_callers_identical_job_is_not_reused(http, new_caller):
    first = accepted(submit(http, new_caller(), body()))
    other = accepted(submit(http, new_caller(), body()))
    assert other["job_id"] != first["job_id"] and other["deduplicated"] is False, other


def test_an_ended_job_is_not_reused(http, caller):
    first = accepted(submit(http, caller, body()))["job_id"]
    assert http.request("DELETE", f"/v2/jobs/{first}", auth=caller, headers=at(REUSE)).status_code == 200
    again = accepted(submit(http, caller, body()))
    assert again["job_id"] != first and again["deduplicated"] is False, again


def test_before_2_11_nothing_is_reused_and_deduplicate_is_refused(http, caller):
    key = str(uuid.uuid4())
    first = accepted(submit(http, caller, body(), key, microversion=TAGS), TAGS)
    again = accepted(submit(http, caller, body(), key, microversion=TAGS), TAGS)
    assert first["job_id"] != again["job_id"], (first, again)
    assert "idempotent" not in again and "deduplicated" not in again, again
    refused = problem(submit(http, caller, body(deduplicate=False), microversion=TAGS), 422, "validation-error", TAGS)
    assert [entry["loc"] for entry in refused["errors"]] == [["deduplicate"]], refused


def test_deduplicate_must_be_a_boolean(http, caller):
    refused = problem(submit(http, caller, body(deduplicate="no")), 422, "validation-error", REUSE)
    assert [entry["loc"] for entry in refused["errors"]] == [["deduplicate"]], refused


def test_the_server_may_turn_deduplication_off(module_fleet, caller):
    server = module_fleet(workers=1, hold_jobs=True, env={"JOB_DEDUP_ENABLED": "false"})
    http = server.client()
    first = accepted(submit(http, caller, body()))
    other = accepted(submit(http, caller, body()))
    assert other["job_id"] != first["job_id"] and other["deduplicated"] is False, other
    key = str(uuid.uuid4())
    assert accepted(submit(http, caller, body(), key))["job_id"] == accepted(submit(http, caller, body(), key))["job_id"]
