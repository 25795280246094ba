"""Job tags, tag filters, the failed-jobs list and the queue position of a
submission (microversion 2.10)."""
from collections import namedtuple

import pytest

from harness.contract import validate_response
from harness.security import STREAMS, TAGS, at, problem
from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME, device_spec

AUTH = (USERNAME, PASSWORD)
Unreached = namedtuple("Unreached", "host port")


@pytest.fixture(scope="module")
def held(module_fleet):
    """Jobs stay queued, so queue positions and listings hold still."""
    return module_fleet(workers=1, hold_jobs=True)


@pytest.fixture(scope="module")
def devices(tmp_path_factory):
    specs = [device_spec(name, "cisco_ios", **knobs)
             for name, knobs in {"good": {}, "refuser": {"fault": "reject_auth"}}.items()]
    sim = Simulator(tmp_path_factory.mktemp("listing-sim"), specs).start()
    yield sim
    sim.stop()


@pytest.fixture(scope="module")
def running(module_fleet):
    return module_fleet(workers=2)


def body(device, **extra):
    return {"host": device.host, "port": device.port, "platform": "cisco_ios", "enable": ENABLE_SECRET,
            "commands": ["show version"], **extra}


def submit(http, auth, payload, microversion=TAGS):
    return http.request("POST", "/v2/send-command", auth=auth, json=payload, headers=at(microversion))


def run(http, payload):
    """Submits a job and waits for its end with a long poll."""
    job_id = validate_response(submit(http, AUTH, payload), microversion=TAGS)["job_id"]
    response = http.request("GET", f"/v2/send-command/{job_id}", auth=AUTH, headers=at(TAGS), params={"wait": 30},
                            timeout=40)
    job = validate_response(response, microversion=TAGS)
    assert job["status"] == "finished", job
    return job


def test_tags_are_kept_and_shown_and_the_202_tells_the_queue_position(held, caller):
    http = held.client()
    device = Unreached("192.0.2.20", 22)
    first = submit(http, caller, body(device, tags={"change": "CHG-7", "site": "lon:dc1"}))
    second = submit(http, caller, body(device, read_timeout=5))
    accepted = [validate_response(response, microversion=TAGS) for response in (first, second)]
    assert [entry["queue_position"] for entry in accepted][1] == accepted[0]["queue_position"] + 1, accepted
    assert accepted[1]["timeout"] == 10 + 5, "connect timeout plus the read timeout of its one command"
    assert accepted[0]["enqueued_at"].endswith("Z")

    job = http.request("GET", f"/v2/send-command/{accepted[0]['job_id']}", auth=caller, headers=at(TAGS))
    assert validate_response(job, microversion=TAGS)["tags"] == {"change": "CHG-7", "site": "lon:dc1"}
    untagged = http.request("GET", f"/v2/send-command/{accepted[1]['job_id']}", auth=caller, headers=at(TAGS))
    assert validate_response(untagged, microversion=TAGS)["tags"] == {}
    # Older microversions see none of it.
    old = http.request("GET", f"/v2/send-command/{accepted[0]['job_id']}", auth=caller, headers=at(STREAMS))
    assert "tags" not in validate_response(old, microversion=STREAMS)
    before = validate_response(submit(http, caller, body(device), microversion=STREAMS), microversion=STREAMS)
    assert set(before) == {"job_id", "status", "message"}


def test_tags_before_2_10_are_refused(held, caller):
    response = submit(held.client(), caller, body(Unreached("192.0.2.21", 22), tags={"a": "b"}), microversion=STREAMS)
    body_ = problem(response, 422, "validation-error", microversion=STREAMS)
    assert body_["errors"][0]["loc"] == ["tags"] and "2.10" in body_["errors"][0]["msg"], body_


@pytest.mark.parametrize("tags, location", [
    ({"bad key": "x"}, ["tags", "bad key"]),
    ({"k": "white space"}, ["tags", "k"]),
    ({"k": 7}, ["tags", "k"]),
    ({"k": "x" * 65}, ["tags", "k"]),
    ({f"k{index}": "v" for index in range(11)}, ["tags"]),
    (["change"], ["tags"]),
])
def test_tags_that_break_the_rules_are_422_naming_the_tag(held, caller, tags, location):
    response = submit(held.client(), caller, body(Unreached("192.0.2.22", 22), tags=tags))
    errors = problem(response, 422, "validation-error", microversion=TAGS)["errors"]
    assert [error["loc"] for error in errors] == [location], errors


def test_tag_filters_apply_before_paging(held, new_caller):
    http, caller = held.client(), new_caller()
    device = Unreached("192.0.2.23", 22)
    wanted = []
    for index in range(5):
        response = submit(http, caller, body(device, tags={"change": "CHG-9", "step": str(index)}))
        wanted.append(validate_response(response, microversion=TAGS)["job_id"])
        assert submit(http, caller, body(device, tags={"change": "CHG-8"})).status_code == 202

    pages = []
    for page in (1, 2, 3):
        response = http.request("GET", "/v2/jobs", auth=caller, headers=at(TAGS),
                                params={"tag": "change:CHG-9", "per_page": 2, "page": page})
        listing = validate_response(response, microversion=TAGS)
        assert listing["pagination"]["total"] == 5 and listing["pagination"]["pages"] == 3, listing
        pages.append([entry["job_id"] for entry in listing["jobs"]])
        assert all(entry["tags"]["change"] == "CHG-9" for entry in listing["jobs"]), listing
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sum(pages, []) == list(reversed(wanted)), "newest first, every match once"

    both = http.request("GET", "/v2/jobs", auth=caller, headers=at(TAGS),
                        params=[("tag", "change:CHG-9"), ("tag", "step:3")])
    assert [entry["job_id"] for entry in validate_response(both, microversion=TAGS)["jobs"]] == [wanted[3]]
    bad = http.request("GET", "/v2/jobs", auth=caller, headers=at(TAGS), params={"tag": "no-colon"})
    assert problem(bad, 422, "validation-error", microversion=TAGS)["errors"][0]["loc"] == ["tag"]


def test_the_failed_list_holds_the_jobs_that_ended_without_success(running, devices, closed_target, new_caller):
    http = running.client()
    ok = run(http, body(devices["good"]))
    refused = run(http, body(devices["refuser"], tags={"change": "CHG-1"}))
    unreachable = run(http, body(closed_target))
    assert ok["error_code"] is None and refused["error_code"] == "AUTH_FAILURE", (ok, refused)

    response = http.request("GET", "/v2/jobs/failed", auth=AUTH, headers=at(TAGS), params={"per_page": 100})
    listed = {entry["job_id"]: entry for entry in validate_response(response, microversion=TAGS)["jobs"]}
    assert ok["job_id"] not in listed
    entry = listed[refused["job_id"]]
    assert entry["status"] == "finished" and entry["error_code"] == "AUTH_FAILURE" and entry["error_retryable"] is False
    assert (entry["host"], entry["port"], entry["platform"]) == (devices["refuser"].host, devices["refuser"].port, "cisco_ios")
    assert entry["tags"] == {"change": "CHG-1"} and entry["failed_at"] == refused["ended_at"]
    assert listed[unreachable["job_id"]]["error_code"] == "CONNECTION_REFUSED"
    order = [job_id for job_id in listed if job_id in (refused["job_id"], unreachable["job_id"])]
    assert order == [unreachable["job_id"], refused["job_id"]], "newest first"

    tagged = http.request("GET", "/v2/jobs/failed", auth=AUTH, headers=at(TAGS), params={"tag": "change:CHG-1"})
    assert refused["job_id"] in [job["job_id"] for job in validate_response(tagged, microversion=TAGS)["jobs"]]
    # Another caller sees none of them; below 2.10 the route does not exist.
    other = http.request("GET", "/v2/jobs/failed", auth=new_caller(), headers=at(TAGS))
    assert validate_response(other, microversion=TAGS)["jobs"] == []
    problem(http.request("GET", "/v2/jobs/failed", auth=AUTH, headers=at(STREAMS)), 404, "not-found",
            microversion=STREAMS)
