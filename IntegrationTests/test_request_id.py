"""X-Request-ID: a client-chosen UUID becomes the job id; every response
carries one, and v1 responses carry X-API-Version: v1."""
import uuid

import pytest

from harness.jobs import is_uuid
from harness.samples import command_body, config_body


@pytest.mark.parametrize("path,body", [("/v1/send_command", command_body()),
                                       ("/v1/send_config", config_body()),
                                       ("/send_command", command_body())])
def test_client_request_id_becomes_the_job_id(idle_client, caller, path, body):
    request_id = str(uuid.uuid4())
    response = idle_client.submit(path, body, caller, headers={"X-Request-ID": request_id})

    assert response.status_code == 202, response.text
    assert response.json()["job_id"] == request_id
    assert response.headers["X-Request-ID"] == request_id
    assert idle_client.job(request_id, caller, path).json()["job_id"] == request_id


def test_duplicate_request_id_is_rejected(idle_client, new_caller):
    request_id = str(uuid.uuid4())
    headers = {"X-Request-ID": request_id}
    first_caller = new_caller()
    assert idle_client.submit("/v1/send_command", command_body(), first_caller,
                              headers).status_code == 202

    for who in (first_caller, new_caller()):
        again = idle_client.submit("/v1/send_command", command_body(), who, headers)
        assert again.status_code == 400, again.text
    assert idle_client.jobs(first_caller).json()["pagination"]["total"] == 1


@pytest.mark.parametrize("request_id", ["abc", "1234", "not a uuid at all", "x" * 200])
def test_non_uuid_request_id_is_rejected(idle_client, caller, request_id):
    response = idle_client.submit("/v1/send_command", command_body(), caller,
                                  headers={"X-Request-ID": request_id})
    assert response.status_code == 400, response.text
    assert idle_client.jobs(caller).json()["pagination"]["total"] == 0


def _responses(client, caller):
    """One response of each kind a v1 client can get."""
    accepted = client.submit("/v1/send_command", command_body(), caller)
    job_id = accepted.json()["job_id"]
    yield "202", accepted
    yield "200 job", client.job(job_id, caller)
    yield "200 legacy job", client.job(job_id, caller, "/send_command")
    yield "200 jobs", client.jobs(caller)
    yield "200 v1 health", client.health("/v1/healthcheck")
    yield "401", client.submit("/v1/send_command", command_body(), None)
    yield "403", client.job(str(uuid.uuid4()), caller)
    yield "400", client.job("nope", caller)
    yield "422", client.submit("/v1/send_command", command_body(port=0), caller)
    yield "422 legacy", client.submit("/send_config", config_body(config=[]), caller)
    yield "200 cancel", client.cancel(job_id, caller)
    yield "409", client.cancel(job_id, caller)


def test_every_v1_response_carries_request_id_and_api_version(idle_client, caller):
    kinds = []
    for kind, response in _responses(idle_client, caller):
        kinds.append((kind, response.status_code))
        assert is_uuid(response.headers.get("X-Request-ID")), (kind, dict(response.headers))
        assert response.headers.get("X-API-Version") == "v1", (kind, dict(response.headers))
    assert [status for _, status in kinds] == [202, 200, 200, 200, 200, 401, 403, 400, 422,
                                               422, 200, 409], kinds


def test_unversioned_health_and_404_still_carry_a_request_id(idle_client, caller):
    for response in (idle_client.health(), idle_client.request("GET", "/v1/nope", auth=caller)):
        assert is_uuid(response.headers.get("X-Request-ID")), dict(response.headers)


def test_request_ids_differ_between_requests(idle_client):
    ids = {idle_client.health().headers["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5
