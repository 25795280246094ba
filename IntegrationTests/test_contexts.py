"""Contexts (microversion 2.3) and replay (2.4): `GET /v2/contexts`, the
`context` of submissions and results, workers that serve some contexts only,
503 when no live worker serves a job's context, and running an ended job
again."""
import uuid

import pytest

from harness.contract import validate_response
from harness.samples import command_body
from harness.security import (API_KEYS, CONTEXTS, REPLAY, Key, at, blamed, create_key,
                              device_login, problem, v1_message)

CONFIGURED = {"NAAS_CONTEXTS": "default,lab"}


@pytest.fixture(scope="module")
def held(module_fleet):
    """Both contexts served by one live worker that starts nothing."""
    return module_fleet(workers=1, hold_jobs=True, env=CONFIGURED)


@pytest.fixture(scope="module")
def held_admin(held):
    return Key(held.create_key(role="admin", name="contexts bootstrap"))


@pytest.fixture(scope="module")
def lab_only(module_fleet):
    """One worker that serves `lab` only: `default` has no live worker."""
    return module_fleet(workers=1, env=CONFIGURED, args=["--contexts", "lab"])


def contexts_of(http, auth, microversion=CONTEXTS):
    response = http.request("GET", "/v2/contexts", auth=auth, headers=at(microversion))
    assert response.status_code == 200, response.text
    return {entry["name"]: entry for entry in validate_response(response)["contexts"]}


def submit(http, auth, body, microversion=CONTEXTS, path="/v2/send-command", headers=None):
    return http.request("POST", path, auth=auth, json=body,
                        headers=at(microversion, **(headers or {})))


def accepted(response):
    assert response.status_code == 202, response.text
    return validate_response(response)["job_id"]


# --- GET /v2/contexts -----------------------------------------------------------------

def test_contexts_list_names_workers_and_queue_depth(held, new_caller):
    http, caller = held.client(), new_caller()
    before = contexts_of(http, caller)
    assert set(before) == {"default", "lab"}, before
    assert before["default"]["default"] is True and before["lab"]["default"] is False
    assert before["default"]["workers"] == 1 and before["lab"]["workers"] == 1, before

    jobs = [accepted(submit(http, caller, command_body(context="lab"))) for _ in range(2)]
    after = contexts_of(http, caller)
    assert after["lab"]["queue_depth"] == before["lab"]["queue_depth"] + 2, after
    assert after["default"]["queue_depth"] == before["default"]["queue_depth"], after

    response = http.request("DELETE", f"/v2/jobs/{jobs[0]}", auth=caller)
    assert response.status_code == 200, response.text
    assert contexts_of(http, caller)["lab"]["queue_depth"] == before["lab"]["queue_depth"] + 1


def test_contexts_list_only_the_callers_contexts(held, held_admin):
    http = held.client()
    for contexts, expected in [(["lab"], {"lab"}), (["default"], {"default"}),
                               (["*"], {"default", "lab"}), (["default", "lab"], {"default", "lab"})]:
        key = create_key(http, held_admin.auth, "viewer", contexts=contexts)
        assert set(contexts_of(http, key.auth)) == expected, contexts


@pytest.mark.parametrize("microversion", ["2.0", "2.2"])
def test_contexts_list_does_not_exist_before_2_3(held, caller, microversion):
    response = held.client().request("GET", "/v2/contexts", auth=caller, headers=at(microversion))
    assert response.status_code == 404, response.text
    validate_response(response)


# --- the context of a submission ---------------------------------------------------------

def test_unknown_context_is_400_listing_the_configured_ones(held, caller):
    for path, body in [("/v2/send-command", command_body(context="nowhere")),
                       ("/v2/send-config", {"host": "192.0.2.10", "config": ["vlan 9"],
                                            "context": "nowhere"})]:
        found = problem(submit(held.client(), caller, body, path=path), 400, "unknown-context")
        assert "default" in found["detail"] and "lab" in found["detail"], found


@pytest.mark.parametrize("value", ["Lab", "bad name", "-lab", "x" * 64])
def test_context_name_that_cannot_exist_is_unknown(held, caller, value):
    found = problem(submit(held.client(), caller, command_body(context=value)), 400,
                    "unknown-context")
    assert "default" in found["detail"] and "lab" in found["detail"], found


@pytest.mark.parametrize("value", [7, ["lab"], {"name": "lab"}, True])
def test_context_that_is_not_a_string_is_422(held, caller, value):
    found = problem(submit(held.client(), caller, command_body(context=value)), 422,
                    "validation-error")
    assert "context" in blamed(found), found


def test_context_field_does_not_exist_before_2_3(held, caller):
    for microversion in ("2.0", "2.1", "2.2"):
        found = problem(submit(held.client(), caller, command_body(context="lab"), microversion),
                        422, "validation-error")
        assert "context" in blamed(found), found


def test_key_limited_to_a_context_is_denied_elsewhere(held, held_admin):
    http = held.client()
    key = create_key(http, held_admin.auth, "operator", contexts=["lab"])
    login = {"username": "netops", "password": "device-pw-1"}
    accepted(submit(http, key.auth, command_body(context="lab", **login)))
    for body in (command_body(context="default", **login), command_body(**login)):
        found = problem(submit(http, key.auth, body), 403, "context-denied")
        assert "default" in found["detail"], found
    # Unknown stays 400 whoever asks: it does not depend on the key.
    problem(submit(http, key.auth, command_body(context="nowhere", **login)), 400, "unknown-context")


def test_context_appears_in_results_and_summaries_from_2_3(held, caller):
    http = held.client()
    job_id = accepted(submit(http, caller, command_body(context="lab")))
    v1_job = http.submit("/v1/send_command", command_body(), caller)
    assert v1_job.status_code == 202, v1_job.text
    v1_id = v1_job.json()["job_id"]

    def read(job, microversion):
        response = http.request("GET", f"/v2/send-command/{job}", auth=caller,
                                headers=at(microversion))
        assert response.status_code == 200, response.text
        return validate_response(response)

    assert read(job_id, CONTEXTS)["context"] == "lab"
    assert read(v1_id, CONTEXTS)["context"] == "default"
    assert "context" not in read(job_id, API_KEYS)
    assert "context" not in read(job_id, "2.0")

    def summaries(microversion):
        response = http.request("GET", "/v2/jobs", auth=caller, headers=at(microversion))
        assert response.status_code == 200, response.text
        return {entry["job_id"]: entry for entry in validate_response(response)["jobs"]}

    newest = summaries(CONTEXTS)
    assert newest[job_id]["context"] == "lab" and newest[v1_id]["context"] == "default", newest
    assert all("context" not in entry for entry in summaries(API_KEYS).values())


# --- workers that serve some contexts only ----------------------------------------------

def test_worker_serving_lab_runs_lab_jobs_and_default_jobs_are_503(lab_only, sw_user):
    http = lab_only.client()
    listing = contexts_of(http, sw_user.auth)
    assert (listing["lab"]["workers"], listing["default"]["workers"]) == (1, 0), listing

    job_id = accepted(submit(http, sw_user.auth, sw_user.body(commands=["show version"],
                                                              context="lab")))
    job = http.wait_for_job(job_id, sw_user.auth, path="/v2/send-command")
    assert job["status"] == "finished" and job["error"] is None, job
    assert "Cisco IOS Software" in job["results"]["show version"], job

    for body in (sw_user.body(commands=["show version"], context="default"),
                 sw_user.body(commands=["show version"])):
        refused = submit(http, sw_user.auth, body)
        problem(refused, 503, "no-worker")
        assert refused.headers["Retry-After"] == "30", refused.headers
    v1_refused = http.submit("/v1/send_command", sw_user.body(commands=["show version"]),
                             sw_user.auth)
    v1_message(v1_refused, 503)
    assert v1_refused.headers["Retry-After"] == "30", v1_refused.headers
    assert contexts_of(http, sw_user.auth)["default"]["queue_depth"] == 0


def test_without_workers_every_submission_is_503(naas_factory, caller):
    server = naas_factory(workers=0)
    http = server.client()
    health = http.health().json()
    assert health["status"] == "no_workers", health
    for path, body in [("/v2/send-command", command_body()),
                       ("/v2/send-config", {"host": "192.0.2.10", "config": ["vlan 9"]})]:
        for microversion in ("2.0", CONTEXTS):
            refused = submit(http, caller, body, microversion, path)
            problem(refused, 503, "no-worker")
            assert refused.headers["Retry-After"] == "30"
    for path in ("/v1/send_command", "/send_command"):
        refused = http.submit(path, command_body(), caller)
        v1_message(refused, 503)
        assert refused.headers["Retry-After"] == "30"
    assert http.jobs(caller).json()["pagination"]["total"] == 0
    assert contexts_of(http, caller)["default"]["workers"] == 0


# --- replay -----------------------------------------------------------------------------

def replay(http, auth, job_id, body=None, microversion=REPLAY, headers=None):
    options = {"json": body} if body is not None else {}
    return http.request("POST", f"/v2/jobs/{job_id}/replay", auth=auth,
                        headers=at(microversion, **(headers or {})), **options)


def test_replay_runs_an_ended_job_again_as_a_new_job(lab_only, sw_user):
    http = lab_only.client()
    original_id = accepted(submit(http, sw_user.auth, sw_user.body(
        commands=["show vlan brief"], context="lab")))
    original = http.wait_for_job(original_id, sw_user.auth, path="/v2/send-command")
    assert original["status"] == "finished" and original["results"], original

    # The old job's credentials were erased when it ended: the enable secret
    # (like the login) comes with the replay.
    request_id = str(uuid.uuid4())
    response = replay(http, sw_user.auth, original_id, {"enable": sw_user.enable_secret},
                      headers={"X-Request-ID": request_id})
    assert response.status_code == 202, response.text
    body = validate_response(response)
    assert body["job_id"] == request_id and body["status"] == "queued", body
    again = http.wait_for_job(request_id, sw_user.auth, path="/v2/send-command")
    assert again["status"] == "finished" and again["error"] is None, again
    assert again["results"] == original["results"]
    read = http.request("GET", f"/v2/send-command/{request_id}", auth=sw_user.auth,
                        headers=at(REPLAY))
    assert validate_response(read)["context"] == "lab"
    assert http.job(original_id, sw_user.auth, "/v2/send-command").json() == original


def test_replay_by_an_api_key_takes_the_device_login_from_the_body(lab_only, sw_user):
    http = lab_only.client()
    admin = Key(lab_only.create_key(role="admin"))
    key = create_key(http, admin.auth, "operator", contexts=["lab"])
    body = sw_user.body(commands=["show version"], context="lab", **device_login(sw_user))
    original_id = accepted(submit(http, key.auth, body))
    http.wait_for_job(original_id, key.auth, path="/v2/send-command")

    for body in ({}, {"username": sw_user.username}, None):
        missing = problem(replay(http, key.auth, original_id, body), 422, "validation-error")
        assert "password" in blamed(missing), (body, missing)
    # The enable secret, like the login, comes with the replay: nothing of the original's is kept.
    new_id = accepted(replay(http, key.auth, original_id, {**device_login(sw_user), "enable": sw_user.enable_secret}))
    job = http.wait_for_job(new_id, key.auth, path="/v2/send-command")
    assert job["status"] == "finished" and "Cisco IOS Software" in job["results"]["show version"]


def test_replay_of_a_queued_job_is_409_and_of_a_canceled_one_202(held, new_caller):
    http, caller = held.client(), new_caller()
    job_id = accepted(submit(http, caller, command_body(context="lab")))
    problem(replay(http, caller, job_id), 409, "conflict")
    assert http.request("DELETE", f"/v2/jobs/{job_id}", auth=caller).status_code == 200
    new_id = accepted(replay(http, caller, job_id))
    job = http.request("GET", f"/v2/send-command/{new_id}", auth=caller, headers=at(REPLAY))
    assert validate_response(job)["context"] == "lab"
    assert job.json()["status"] == "queued"


def test_replay_of_someone_elses_or_an_unknown_job_is_forbidden(held, new_caller):
    http, owner, intruder = held.client(), new_caller(), new_caller()
    job_id = accepted(submit(http, owner, command_body()))
    assert http.request("DELETE", f"/v2/jobs/{job_id}", auth=owner).status_code == 200
    problem(replay(http, intruder, job_id), 403, "forbidden")
    problem(replay(http, owner, str(uuid.uuid4())), 403, "forbidden")
    response = replay(http, owner, "not-a-uuid")
    assert response.status_code == 400, response.text


@pytest.mark.parametrize("microversion", ["2.0", "2.3"])
def test_replay_does_not_exist_before_2_4(held, caller, microversion):
    response = replay(held.client(), caller, str(uuid.uuid4()), microversion=microversion)
    assert response.status_code == 404, response.text
    validate_response(response)
