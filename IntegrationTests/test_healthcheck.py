"""GET /healthcheck and /v1/healthcheck: component status, no auth needed."""
import time

import pytest

from harness.samples import command_body


def health(client, path):
    response = client.health(path)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("path", ["/healthcheck", "/v1/healthcheck"])
def test_server_with_workers_is_healthy(client, path):
    body = health(client, path)
    assert body["status"] == "healthy"
    assert isinstance(body["version"], str) and body["version"]
    assert isinstance(body["uptime_seconds"], (int, float)) and body["uptime_seconds"] >= 0
    components = body["components"]
    assert components["queue"]["status"] == "healthy"
    assert isinstance(components["queue"]["depth"], int) and components["queue"]["depth"] >= 0
    assert components["workers"]["status"] == "healthy"
    assert components["workers"]["count"] == 4
    assert isinstance(components["workers"]["active_jobs"], int)
    assert 0 <= components["workers"]["active_jobs"] <= 4
    assert components["sqlite"]["status"] == "healthy"


def test_v1_healthcheck_is_marked_v1(client):
    assert client.health("/v1/healthcheck").headers["X-API-Version"] == "v1"


def test_server_without_workers_says_so(naas_factory):
    body = health(naas_factory(workers=0).client(), "/healthcheck")
    assert body["status"] == "no_workers"
    assert body["components"]["workers"]["count"] == 0
    assert body["components"]["workers"]["active_jobs"] == 0


def test_queue_depth_counts_queued_jobs(idle_client, caller):
    before = health(idle_client, "/healthcheck")["components"]["queue"]["depth"]
    job_ids = [idle_client.submit("/v1/send_command", command_body(), caller).json()["job_id"]
               for _ in range(3)]
    assert health(idle_client, "/healthcheck")["components"]["queue"]["depth"] == before + 3

    idle_client.cancel(job_ids[0], caller)
    assert health(idle_client, "/healthcheck")["components"]["queue"]["depth"] == before + 2


def test_uptime_grows(idle_client):
    first = health(idle_client, "/healthcheck")["uptime_seconds"]
    time.sleep(1.1)
    assert health(idle_client, "/healthcheck")["uptime_seconds"] > first
