"""POST /v1/send_command and /v1/send_config (and their unversioned aliases):
what a valid job request gets back, and what the job looks like while queued."""
import pytest

from harness.jobs import is_uuid, parse_time
from harness.samples import DROP, PARKED_HOST, command_body, config_body

JOB_FIELDS = {"job_id", "status", "results", "error", "error_code", "app", "version",
              "enqueued_at", "started_at", "ended_at"}


def accepted_job_id(response):
    assert response.status_code == 202, response.text
    body = response.json()
    assert is_uuid(body["job_id"])
    assert body["message"] == "Job enqueued"
    assert body["app"] == "naas"
    assert isinstance(body["version"], str) and body["version"]
    assert response.headers["X-Request-ID"] == body["job_id"]
    assert response.headers["X-API-Version"] == "v1"
    return body["job_id"]


SUBMISSIONS = [
    ("/v1/send_command", command_body()),
    ("/v1/send_config", config_body()),
    ("/send_command", command_body()),
    ("/send_config", config_body()),
]


@pytest.mark.parametrize("path,body", SUBMISSIONS, ids=[p for p, _ in SUBMISSIONS])
def test_valid_job_is_accepted_and_readable_while_queued(idle_client, caller, path, body):
    job_id = accepted_job_id(idle_client.submit(path, body, caller))

    response = idle_client.job(job_id, caller, path)
    assert response.status_code == 200, response.text
    assert response.headers["X-API-Version"] == "v1"
    job = response.json()
    assert JOB_FIELDS <= set(job)
    assert job["job_id"] == job_id
    assert job["status"] == "queued"
    assert job["results"] is None
    assert job["error"] is None
    assert job["error_code"] is None
    assert job["app"] == "naas"
    assert parse_time(job["enqueued_at"])
    assert job["started_at"] is None
    assert job["ended_at"] is None


@pytest.mark.parametrize("changes", [
    {"host": DROP, "ip": PARKED_HOST},
    {"host": "router1.example.net"},
    {"platform": DROP},
    {"platform": DROP, "device_type": "cisco_ios"},
    {"platform": "cisco_xe"},
    {"platform": "linux"},
    {"port": 2222, "enable": "secret", "read_timeout": 5, "conn_timeout": 3,
     "expect_string": r"#\s*$"},
    {"commands": ["show version", "show running-config", "show vlan brief"]},
], ids=["ip", "hostname", "default-platform", "device_type", "cisco_xe", "linux",
        "all-options", "several-commands"])
def test_send_command_accepts_optional_and_alias_fields(idle_client, caller, changes):
    accepted_job_id(idle_client.submit("/v1/send_command", command_body(**changes), caller))


@pytest.mark.parametrize("changes", [
    {"config": DROP, "commands": ["vlan 42"]},
    {"save_config": True},
    {"commit": False, "save_config": False},
    {"platform": "cisco_xe", "enable": "secret"},
], ids=["commands-alias", "save_config", "commit", "cisco_xe"])
def test_send_config_accepts_optional_and_alias_fields(idle_client, caller, changes):
    accepted_job_id(idle_client.submit("/v1/send_config", config_body(**changes), caller))


def test_finished_job_reports_results_and_times(client, sw_enabled):
    job = client.run("/v1/send_command", sw_enabled.body(commands=["show version"]),
                     sw_enabled.auth)

    assert JOB_FIELDS <= set(job)
    assert job["status"] == "finished", job
    assert job["error"] is None
    assert job["error_code"] is None
    assert list(job["results"]) == ["show version"]
    enqueued, started, ended = (parse_time(job[k])
                                for k in ("enqueued_at", "started_at", "ended_at"))
    assert enqueued <= started <= ended


def test_config_job_is_read_back_on_the_config_path(client, sw_enabled):
    job = client.run("/v1/send_config", sw_enabled.body(config=["vlan 321", "name read-path"]),
                     sw_enabled.auth)

    assert job["status"] == "finished", job
    assert set(job["results"]) == {"config_set_output"}
    assert "vlan 321" in job["results"]["config_set_output"]
