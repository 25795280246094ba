"""v1 is deprecated (RFC 9745 / RFC 8594 headers on every v1 and legacy
response); /healthcheck is a permanent endpoint and carries none of them."""
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import pytest

from harness.samples import DROP, command_body, config_body

DEPRECATED_AT = "@1775520000"  # 2026-04-07, the configured default
SUNSET = datetime(2027, 1, 1, tzinfo=timezone.utc)


def v1_responses(client, caller):
    accepted = client.submit("/v1/send_command", command_body(), caller)
    job_id = accepted.json()["job_id"]
    return {
        "POST /v1/send_command": accepted,
        "POST /send_command": client.submit("/send_command", command_body(), caller),
        "GET /v1/send_command/{id}": client.job(job_id, caller),
        "GET /v1/jobs": client.jobs(caller),
        "GET /v1/healthcheck": client.health("/v1/healthcheck"),
        "422 /v1/send_command": client.submit("/v1/send_command", command_body(port=0), caller),
    }


def test_v1_and_legacy_responses_are_marked_deprecated(idle_client, caller):
    for label, response in v1_responses(idle_client, caller).items():
        headers = response.headers
        assert headers.get("Deprecation") == DEPRECATED_AT, (label, dict(headers))
        assert parsedate_to_datetime(headers["Sunset"]) == SUNSET, (label, headers["Sunset"])
        assert 'rel="deprecation"' in headers.get("Link", ""), (label, dict(headers))


@pytest.mark.parametrize("path,successor", [("/v1/send_command", "/v2/send-command"),
                                            ("/send_config", "/v2/send-config")])
def test_submissions_link_to_their_v2_successor(idle_client, caller, path, successor):
    body = command_body() if "command" in path else config_body()
    link = idle_client.submit(path, body, caller).headers.get("Link", "")
    assert f'<{successor}>; rel="successor-version"' in link, link


def test_permanent_healthcheck_is_not_deprecated(idle_client):
    headers = idle_client.health("/healthcheck").headers
    assert "Deprecation" not in headers
    assert "Sunset" not in headers


def test_deprecated_device_type_field_draws_a_warning(idle_client, caller):
    used = idle_client.submit("/v1/send_command",
                              command_body(platform=DROP, device_type="cisco_ios"), caller)
    assert used.status_code == 202
    warning = used.headers.get("Warning", "")
    assert warning.startswith("299 ") and "device_type is deprecated, use platform" in warning

    plain = idle_client.submit("/v1/send_command", command_body(), caller)
    assert "Warning" not in plain.headers
