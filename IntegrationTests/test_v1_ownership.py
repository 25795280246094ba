"""A job is visible only to the Basic credentials that submitted it; an unknown
id looks exactly like someone else's (403), a malformed id is a 400."""
import uuid

import pytest

from harness.samples import command_body, config_body

PATHS = {"/v1/send_command": command_body, "/v1/send_config": config_body,
         "/send_command": command_body, "/send_config": config_body}


@pytest.mark.parametrize("path", PATHS)
def test_someone_elses_job_is_forbidden(idle_client, new_caller, path):
    owner, intruder = new_caller(), new_caller()
    response = idle_client.submit(path, PATHS[path](), owner)
    job_id = response.json()["job_id"]

    assert idle_client.job(job_id, owner, path).status_code == 200
    forbidden = idle_client.job(job_id, intruder, path)
    assert forbidden.status_code == 403, forbidden.text
    assert job_id not in forbidden.text


def test_same_username_with_another_password_is_someone_else(idle_client, caller):
    job_id = idle_client.submit("/v1/send_command", command_body(), caller).json()["job_id"]
    response = idle_client.job(job_id, (caller[0], caller[1] + "-other"))
    assert response.status_code == 403, response.text


@pytest.mark.parametrize("path", PATHS)
def test_unknown_job_is_forbidden(idle_client, caller, path):
    response = idle_client.job(str(uuid.uuid4()), caller, path)
    assert response.status_code == 403, response.text


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("job_id", ["not-a-uuid", "12345", "00000000-0000-0000-0000"])
def test_malformed_job_id_is_a_bad_request(idle_client, caller, path, job_id):
    response = idle_client.job(job_id, caller, path)
    assert response.status_code == 400, response.text
