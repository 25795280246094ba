"""Waiting for a job without polling (microversion 2.9): the job stream
(`GET /v2/jobs/{job_id}/stream`, server-sent events resumable with
`Last-Event-ID`) and `?wait=N` on the result routes. Both are woken by the
store's own change signal, so they answer within milliseconds of the job's
end, where NAAS's stream polls every second."""
import time
from collections import namedtuple
from datetime import datetime

import pytest

from harness.contract import validate_response
from harness.events import read_events
from harness.security import STREAMS, at, problem
from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME, device_spec

AUTH = (USERNAME, PASSWORD)
SLOW_MS = 600
# Jobs of the held server never start, so their device is never reached.
Unreached = namedtuple("Unreached", "host port")


@pytest.fixture(scope="module")
def devices(tmp_path_factory):
    specs = [device_spec(name, "cisco_ios", **knobs)
             for name, knobs in {"slow": {"command_latency_ms": SLOW_MS}, "quick": {}}.items()]
    sim = Simulator(tmp_path_factory.mktemp("watch-sim"), specs).start()
    yield sim
    sim.stop()


@pytest.fixture(scope="module")
def server(module_fleet):
    return module_fleet(workers=2)


@pytest.fixture(scope="module")
def held(module_fleet):
    """Jobs stay queued; one stream at most, and streams time out after a second."""
    return module_fleet(workers=1, hold_jobs=True, env={"STREAM_MAX_CONNECTIONS": "1", "STREAM_TIMEOUT": "1"})


def body(device, commands=("show version",)):
    return {"host": device.host, "port": device.port, "platform": "cisco_ios", "enable": ENABLE_SECRET,
            "commands": list(commands)}


def submit(http, device, auth=AUTH):
    response = http.request("POST", "/v2/send-command", auth=auth, json=body(device), headers=at(STREAMS))
    assert response.status_code == 202, response.text
    return response.json()["job_id"]


def stream(http, job_id, auth=AUTH, microversion=STREAMS, **headers):
    return http.session.get(f"{http.base_url}/v2/jobs/{job_id}/stream", auth=auth, stream=True, timeout=30,
                            headers=at(microversion, **headers))


def epoch(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


# --- the stream ---------------------------------------------------------------------------

def test_a_stream_sends_each_status_then_the_result_as_it_happens(server, devices):
    http = server.client()
    job_id = submit(http, devices["slow"])
    with stream(http, job_id) as response:
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].startswith("text/event-stream")
        assert response.headers["Cache-Control"] == "no-cache"
        events = read_events(response)
    names = [event.name for event in events]
    assert names[-1] == "result" and set(names[:-1]) == {"status"}, events
    statuses = [event.data["status"] for event in events if event.name == "status"]
    assert statuses[-1] == "finished" and "started" in statuses, statuses
    ids = [int(event.id) for event in events]
    assert ids == sorted(set(ids)) and ids[-1] == 4, ids

    result = events[-1].data
    assert result["job_id"] == job_id and result["status"] == "finished" and result["error"] is None, result
    assert "Cisco IOS Software" in result["results"]["show version"]
    # Pushed, not polled: the result arrived within a fraction of NAAS's one-second poll of the end.
    lag = events[-1].received_at - epoch(result["ended_at"])
    assert lag < 0.25, f"the result came {lag:.3f} s after the job ended"
    started = next(event for event in events if event.name == "status" and event.data["status"] == "started")
    assert started.received_at - epoch(result["started_at"]) < 0.25
    # The stream's result is what the result route says.
    final = http.request("GET", f"/v2/send-command/{job_id}", auth=AUTH, headers=at(STREAMS)).json()
    assert final == result


def test_last_event_id_resumes_after_the_step_the_client_saw(server, devices):
    http = server.client()
    job_id = submit(http, devices["quick"])
    with stream(http, job_id) as response:
        read_events(response)  # to the end: the job is over

    with stream(http, job_id, **{"Last-Event-ID": "2"}) as response:
        resumed = read_events(response)
    assert [(event.id, event.name) for event in resumed] == [("3", "status"), ("4", "result")], resumed
    assert resumed[0].data == {"job_id": job_id, "status": "finished"}

    with stream(http, job_id, **{"Last-Event-ID": "4"}) as response:
        assert response.status_code == 200
        assert read_events(response) == [], "everything was seen: the stream just closes"

    response = stream(http, job_id, **{"Last-Event-ID": "seven"})
    body = problem(response, 400, "bad-request", microversion=STREAMS)
    assert "Last-Event-ID" in body["detail"], body


def test_a_stream_follows_the_result_shape_of_the_clients_microversion(server, devices):
    http = server.client()
    job_id = submit(http, devices["quick"])
    with stream(http, job_id, microversion="latest") as response:
        newest = read_events(response)[-1].data
    assert "detected_platform" in newest and "context" in newest
    # Not a stream below 2.9: the route does not exist there.
    problem(stream(http, job_id, microversion="2.8"), 404, "not-found", microversion="2.8")


def test_a_stream_of_someone_elses_job_is_forbidden(server, devices, new_caller):
    http = server.client()
    job_id = submit(http, devices["quick"])
    problem(stream(http, job_id, auth=new_caller()), 403, "forbidden", microversion=STREAMS)


def test_the_stream_cap_is_a_429_and_a_closed_stream_frees_its_place(held, caller):
    http = held.client()
    first, second = (submit(http, Unreached("192.0.2.10", 22), caller) for _ in range(2))
    with stream(http, first, auth=caller) as open_stream:
        assert open_stream.status_code == 200
        refused = stream(http, second, auth=caller)
        problem(refused, 429, "too-many-streams", microversion=STREAMS)
        assert refused.headers["Retry-After"] == "5"
        # The held job never starts: its stream times out after STREAM_TIMEOUT (1 s).
        events = read_events(open_stream)
    assert [event.name for event in events] == ["status", "timeout"], events
    assert events[0].data == {"job_id": first, "status": "queued"}
    assert events[1].id is None and events[1].data == {"job_id": first, "message": "Stream timeout"}
    deadline = time.monotonic() + 5
    while (again := stream(http, second, auth=caller)).status_code == 429 and time.monotonic() < deadline:
        time.sleep(0.1)
    with again:
        assert again.status_code == 200, again.text


# --- ?wait= on the result routes --------------------------------------------------------

def test_a_long_poll_answers_within_50_ms_of_the_jobs_end(server, devices):
    http = server.client()
    lags = []
    for _ in range(3):
        job_id = submit(http, devices["slow"])
        asked = time.monotonic()
        response = http.request("GET", f"/v2/send-command/{job_id}", auth=AUTH, params={"wait": 20},
                                headers=at(STREAMS), timeout=30)
        answered = time.time()
        job = validate_response(response, microversion=STREAMS)
        assert job["status"] == "finished", job
        assert time.monotonic() - asked >= SLOW_MS / 1000 * 0.8, "it waited for the device"
        lags.append(answered - epoch(job["ended_at"]))
    assert min(lags) < 0.05, f"answers came {lags} s after the jobs ended"


def test_a_long_poll_on_a_job_that_does_not_end_answers_after_the_wait(held, caller):
    http = held.client()
    job_id = submit(http, Unreached("192.0.2.11", 22), caller)
    started = time.monotonic()
    response = http.request("GET", f"/v2/send-command/{job_id}", auth=caller, params={"wait": 1}, headers=at(STREAMS))
    assert validate_response(response, microversion=STREAMS)["status"] == "queued"
    assert 0.9 <= time.monotonic() - started < 5


@pytest.mark.parametrize("value", ["-1", "61", "soon", "1.5"])
def test_a_wait_that_is_not_a_whole_number_of_seconds_in_range_is_422(held, caller, value):
    http = held.client()
    job_id = submit(http, Unreached("192.0.2.12", 22), caller)
    response = http.request("GET", f"/v2/send-command/{job_id}", auth=caller, params={"wait": value},
                            headers=at(STREAMS))
    body = problem(response, 422, "validation-error", microversion=STREAMS)
    assert body["errors"][0]["loc"] == ["wait"] and "RESULT_WAIT_MAX" in body["errors"][0]["msg"], body


def test_wait_is_ignored_below_2_9(held, caller):
    http = held.client()
    job_id = submit(http, Unreached("192.0.2.13", 22), caller)
    started = time.monotonic()
    response = http.request("GET", f"/v2/send-command/{job_id}", auth=caller, params={"wait": 5}, headers=at("2.8"))
    assert response.status_code == 200 and response.json()["status"] == "queued"
    assert time.monotonic() - started < 2
