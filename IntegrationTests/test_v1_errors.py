"""v1 error responses: 401, 415, 400, 422 (naming each bad field) and 404."""
import json

import pytest

from harness import validation
from harness.samples import DROP, command_body, config_body

JOB_ID = "00000000-0000-4000-8000-000000000000"


def assert_message(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["message"], str) and body["message"]


@pytest.mark.parametrize("method,path", [
    ("POST", "/v1/send_command"),
    ("POST", "/v1/send_config"),
    ("POST", "/send_command"),
    ("GET", f"/v1/send_command/{JOB_ID}"),
    ("GET", f"/v1/send_config/{JOB_ID}"),
    ("GET", "/v1/jobs"),
    ("DELETE", f"/v1/jobs/{JOB_ID}"),
])
@pytest.mark.parametrize("authorization", [None, "Bearer abc.def.ghi", "Basic !!not-base64!!",
                                           "Basic " + "dXNlcm5hbWVvbmx5"],  # "usernameonly"
                         ids=["none", "bearer", "garbage-basic", "no-colon"])
def test_unauthenticated_requests_get_401(idle_client, method, path, authorization):
    headers = {"Authorization": authorization} if authorization else None
    body = command_body() if method == "POST" else None
    response = idle_client.request(method, path, headers=headers,
                                   **({"json": body} if body else {}))
    assert_message(response, 401)
    assert response.headers["X-API-Version"] == "v1"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_body_without_json_content_type_gets_415(idle_client, caller, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = idle_client.request("POST", "/v1/send_command", auth=caller,
                                   data=json.dumps(command_body()).encode(), headers=headers)
    if content_type is None:
        # requests adds no Content-Type for raw bytes; make sure of it.
        assert "Content-Type" not in response.request.headers
    assert response.status_code == 415, response.text


@pytest.mark.parametrize("raw", [b'{"host": "192.0.2.10", "commands": [', b"{'host': 1}",
                                 b"not json at all", b" "])
def test_malformed_json_gets_400(idle_client, caller, raw):
    response = idle_client.request("POST", "/v1/send_command", auth=caller, data=raw,
                                   headers={"Content-Type": "application/json"})
    assert_message(response, 400)


COMMAND_422 = [
    (command_body(host=DROP), {"host", "ip"}),
    (command_body(host="bad host!"), {"host"}),
    (command_body(host=""), {"host"}),
    (command_body(commands=[]), {"commands"}),
    (command_body(commands=DROP), {"commands"}),
    (command_body(commands=[42]), {"commands"}),
    (command_body(commands=["   "]), {"commands"}),
    (command_body(commands=["show version", ""]), {"commands"}),
    (command_body(port=0), {"port"}),
    (command_body(port=70000), {"port"}),
    (command_body(port="22"), {"port"}),
    (command_body(platform="no_such_platform"), {"platform"}),
    (command_body(platform=DROP, device_type="no_such_platform"), {"device_type", "platform"}),
]


@pytest.mark.parametrize("body,fields", COMMAND_422,
                         ids=["missing-host", "bad-hostname", "empty-host", "empty-commands",
                              "missing-commands", "int-command", "blank-command",
                              "empty-command", "port-0", "port-70000", "port-string",
                              "unknown-platform", "unknown-device_type"])
def test_invalid_send_command_gets_422_naming_the_field(idle_client, caller, body, fields):
    response = idle_client.submit("/v1/send_command", body, caller)
    assert response.status_code == 422, response.text
    named = validation.named_fields(response.json(), "json")
    assert named & fields, f"expected one of {fields} in {named}"
    for entry in validation.errors(response.json(), "json"):
        assert isinstance(entry["loc"], list)
        assert isinstance(entry["msg"], str) and entry["msg"]
        assert isinstance(entry["type"], str) and entry["type"]


def test_every_bad_field_is_named(idle_client, caller):
    body = command_body(host="bad host!", port=0, commands=[])
    response = idle_client.submit("/v1/send_command", body, caller)
    assert response.status_code == 422, response.text
    assert {"host", "port", "commands"} <= validation.named_fields(response.json(), "json")


@pytest.mark.parametrize("body,fields", [
    (config_body(config=DROP), {"config", "commands"}),
    (config_body(config=[]), {"config", "commands"}),
    (config_body(host="bad host!"), {"host"}),
], ids=["missing-config", "empty-config", "bad-hostname"])
def test_invalid_send_config_gets_422_naming_the_field(idle_client, caller, body, fields):
    response = idle_client.submit("/v1/send_config", body, caller)
    assert response.status_code == 422, response.text
    assert validation.named_fields(response.json(), "json") & fields


@pytest.mark.parametrize("params,field", [
    ({"page": 0}, "page"),
    ({"page": "one"}, "page"),
    ({"per_page": 0}, "per_page"),
    ({"per_page": 101}, "per_page"),
    ({"status": "exploded"}, "status"),
])
def test_invalid_job_listing_query_gets_422(idle_client, caller, params, field):
    response = idle_client.jobs(caller, **params)
    assert response.status_code == 422, response.text
    assert field in validation.named_fields(response.json())


@pytest.mark.parametrize("method,path", [
    ("GET", "/v1/nothing-here"),
    ("GET", "/v3/send_command"),
    ("POST", "/v1/send_commands"),
])
def test_unknown_route_gets_404(idle_client, caller, method, path):
    response = idle_client.request(method, path, auth=caller)
    assert response.status_code == 404, response.text
