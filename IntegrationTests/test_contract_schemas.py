"""The server does what openapi/v1.yaml and openapi/v2.yaml say: every
operation is driven through the statuses it documents, and each response is
checked against its document (status, headers, body). v2 responses are
checked at the microversion they negotiated, job results at both 2.0 and 2.1.
The last test checks that every documented response was seen."""
import json
import time
import uuid
from pathlib import Path

import ntc_templates
import pytest

from harness import contract
from harness.contract import ContractViolation, validate_response
from harness.samples import DROP, PARKED_HOST, command_body, config_body
from harness.security import Bearer

BIG_BODY = json.dumps({"host": "192.0.2.10", "commands": ["x" * (1 << 20)]}).encode()
JSON = {"Content-Type": "application/json"}
BAD_REQUEST_ID = {"X-Request-ID": "not-a-uuid"}
DEPRECATION_HEADERS = ("Deprecation", "Sunset", "Link", "X-API-Version")

V1_SUBMIT = ["/v1/send_command", "/v1/send_config", "/send_command", "/send_config"]
V1_READ = ["/v1/send_command", "/v1/send_config", "/send_command", "/send_config"]
V2_SUBMIT = ["/v2/send-command", "/v2/send-config"]
V2_READ = ["/v2/send-command", "/v2/send-config"]
UNVERSIONED = ["/healthcheck", "/versions", "/apidoc", "/apidoc/openapi.json", "/metrics"]
V1_STRUCTURED = "/v1/send_command_structured"
V2_STRUCTURED = "/v2/send-command-structured"
# Servers that must parse name ntc-templates themselves rather than rely on the working directory.
NTC_TEMPLATES = {"NAAS_TEMPLATES_DIR": str(Path(ntc_templates.__file__).parent / "templates")}


def expect(response, status, **options):
    """Asserts the status, then validates the response against its document."""
    request = response.request
    assert response.status_code == status, (
        f"{request.method} {request.url} -> {response.status_code}, expected {status}: "
        f"{response.text[:400]}")
    return validate_response(response, **options)


def body_for(path, **changes):
    """A valid body for the path's job kind, with `changes` (DROP removes a key); for a
    batch path, the same job's fields with its host as the one device."""
    body = (command_body if "command" in path else config_body)(**changes)
    if path.endswith("/batch"):
        host = body.pop("host", PARKED_HOST)
        body = {**body, "devices": [{"host": host}]}
    return body


def accepted_id(client, path, caller, headers=None):
    response = client.submit(path, body_for(path), caller, headers)
    assert response.status_code == 202, response.text
    return response.json()["job_id"]


def v(microversion):
    return {"NAAS-API-Version": microversion}


V2_RANGE = contract.microversion_range(contract.load_document("v2"))
V2_MIN, V2_MAX = ("%d.%d" % bound for bound in V2_RANGE)
V2_MICROVERSIONS = [f"2.{minor}" for minor in range(V2_RANGE[0][1], V2_RANGE[1][1] + 1)]


# --- v1 and its legacy aliases -------------------------------------------------

V1_SUBMIT_CASES = {
    "202": (202, lambda c, who, path: c.submit(path, body_for(path), who)),
    "202-device_type": (202, lambda c, who, path: c.submit(
        path, body_for(path, platform=DROP, device_type="cisco_ios"), who)),
    "400-json": (400, lambda c, who, path: c.request("POST", path, auth=who, data=b"{", headers=JSON)),
    "400-request-id": (400, lambda c, who, path: c.submit(path, body_for(path), who, BAD_REQUEST_ID)),
    "400-duplicate": (400, lambda c, who, path: c.submit(
        path, body_for(path), who, {"X-Request-ID": accepted_id(c, path, who)})),
    "401": (401, lambda c, who, path: c.submit(path, body_for(path), None)),
    "413": (413, lambda c, who, path: c.request("POST", path, auth=who, data=BIG_BODY, headers=JSON)),
    "415": (415, lambda c, who, path: c.request(
        "POST", path, auth=who, data=json.dumps(body_for(path)).encode(),
        headers={"Content-Type": "text/plain"})),
    "422": (422, lambda c, who, path: c.submit(path, body_for(path, port=0, host="bad host!"), who)),
}


@pytest.mark.parametrize("case", V1_SUBMIT_CASES)
@pytest.mark.parametrize("path", V1_SUBMIT)
def test_v1_submit(idle_client, caller, path, case):
    status, send = V1_SUBMIT_CASES[case]
    response = send(idle_client, caller, path)
    expect(response, status)
    if case == "202-device_type":
        assert "device_type is deprecated, use platform" in response.headers["Warning"]
    elif case == "202":
        assert "Warning" not in response.headers


V1_READ_CASES = {
    "200": (200, lambda c, who, path: c.job(accepted_id(c, path, who), who, path)),
    "400-job-id": (400, lambda c, who, path: c.job("not-a-uuid", who, path)),
    "400-request-id": (400, lambda c, who, path: c.request(
        "GET", f"{path}/{uuid.uuid4()}", auth=who, headers=BAD_REQUEST_ID)),
    "401": (401, lambda c, who, path: c.job(str(uuid.uuid4()), None, path)),
    "403": (403, lambda c, who, path: c.job(str(uuid.uuid4()), who, path)),
}


@pytest.mark.parametrize("case", V1_READ_CASES)
@pytest.mark.parametrize("path", V1_READ)
def test_v1_read_job(idle_client, caller, path, case):
    status, send = V1_READ_CASES[case]
    expect(send(idle_client, caller, path), status)


V1_LIST_CASES = {
    "200": (200, lambda c, who: c.jobs(who)),
    "200-filtered": (200, lambda c, who: c.jobs(who, status="queued", page=1, per_page=100)),
    "400-request-id": (400, lambda c, who: c.request("GET", "/v1/jobs", auth=who, headers=BAD_REQUEST_ID)),
    "401": (401, lambda c, who: c.jobs(None)),
    "422": (422, lambda c, who: c.jobs(who, page=0, per_page=101, status="exploded")),
}


@pytest.mark.parametrize("case", V1_LIST_CASES)
def test_v1_list_jobs(idle_client, caller, case):
    status, send = V1_LIST_CASES[case]
    accepted_id(idle_client, "/v1/send_command", caller)
    body = expect(send(idle_client, caller), status)
    if status == 200:
        assert body["jobs"], body


def cancel_twice(client, who):
    job_id = accepted_id(client, "/v1/send_command", who)
    assert client.cancel(job_id, who).status_code == 200
    return client.cancel(job_id, who)


V1_CANCEL_CASES = {
    "200": (200, lambda c, who: c.cancel(accepted_id(c, "/v1/send_config", who), who)),
    "400-job-id": (400, lambda c, who: c.cancel("not-a-uuid", who)),
    "400-request-id": (400, lambda c, who: c.request(
        "DELETE", f"/v1/jobs/{uuid.uuid4()}", auth=who, headers=BAD_REQUEST_ID)),
    "401": (401, lambda c, who: c.cancel(str(uuid.uuid4()), None)),
    "403": (403, lambda c, who: c.cancel(str(uuid.uuid4()), who)),
    "409": (409, cancel_twice),
}


@pytest.mark.parametrize("case", V1_CANCEL_CASES)
def test_v1_cancel_job(idle_client, caller, case):
    status, send = V1_CANCEL_CASES[case]
    expect(send(idle_client, caller), status)


@pytest.mark.parametrize("path", ["/v1/healthcheck", "/v1/", "/v1/openapi.json"])
@pytest.mark.parametrize("status", [200, 400])
def test_v1_health_and_discovery(idle_client, path, status):
    headers = BAD_REQUEST_ID if status == 400 else None
    body = expect(idle_client.request("GET", path, headers=headers), status)
    if path == "/v1/" and status == 200:
        assert body["id"] == "v1" and body["status"] == "DEPRECATED", body
        assert (body["min_version"], body["max_version"]) == ("", "")


def test_v1_document_served_is_the_committed_one(idle_client):
    served = expect(idle_client.request("GET", "/v1/openapi.json"), 200)
    assert served == contract.load_document("v1")


def test_v1_results_of_finished_jobs(client, sw_enabled, closed_target):
    command = client.run("/v1/send_command", sw_enabled.body(commands=["show version"]),
                         sw_enabled.auth)
    config = client.run("/v1/send_config", sw_enabled.body(config=["vlan 77", "name contract"]),
                        sw_enabled.auth)
    refused = client.run("/v1/send_command", closed_target.body(commands=["show version"]),
                         closed_target.auth)
    assert refused["error_code"] == "CONNECTION_REFUSED", refused
    for job, path, target in [(command, "/v1/send_command", sw_enabled),
                              (config, "/v1/send_config", sw_enabled),
                              (refused, "/v1/send_command", closed_target)]:
        for read_path in (path, path.removeprefix("/v1")):
            body = expect(client.job(job["job_id"], target.auth, read_path), 200)
            assert body["status"] == "finished", body
    assert set(config["results"]) == {"config_set_output"}


SUNSET_ENV = {"NAAS_V1_DEPRECATED_AT": "2020-01-01", "NAAS_V1_SUNSET_AT": "2020-06-01"}


def test_v1_after_its_sunset_is_gone(naas_factory, caller):
    server = naas_factory(workers=0, env=SUNSET_ENV)
    client = server.client()
    job = f"/{uuid.uuid4()}"
    requests = [("POST", path, body_for(path)) for path in V1_SUBMIT + [V1_STRUCTURED]]
    requests += [("GET", path + job, None) for path in V1_READ + [V1_STRUCTURED]]
    requests += [("GET", "/v1/jobs", None), ("DELETE", "/v1/jobs" + job, None),
                 ("GET", "/v1/healthcheck", None), ("GET", "/v1/", None),
                 ("GET", "/v1/openapi.json", None)]
    for method, path, body in requests:
        options = {"json": body} if body is not None else {}
        response = client.request(method, path, auth=caller, **options)
        expect(response, 410)
        assert 'rel="successor-version"' in response.headers["Link"], response.headers

    health = client.health()
    expect(health, 200)
    assert not [h for h in DEPRECATION_HEADERS if h in health.headers], health.headers
    versions = expect(client.request("GET", "/versions"), 200)
    assert {e["id"]: e["status"] for e in versions["versions"]}["v1"] == "RETIRED"


# --- the permanent, unversioned routes (in both documents) ----------------------

@pytest.mark.parametrize("major", ["v1", "v2"])
@pytest.mark.parametrize("path", UNVERSIONED)
def test_unversioned_routes(idle_client, path, major):
    response = idle_client.request("GET", path)
    expect(response, 200, major=major)
    assert not [h for h in DEPRECATION_HEADERS + ("NAAS-API-Version",) if h in response.headers]
    expect(idle_client.request("GET", path, headers=BAD_REQUEST_ID), 400, major=major)


@pytest.mark.parametrize("major", ["v1", "v2"])
def test_apidoc_document_with_a_bad_microversion(idle_client, major):
    for value in ("9.9", "latest", "two"):
        response = idle_client.request("GET", "/apidoc/openapi.json", params={"microversion": value})
        expect(response, 422, major=major)


def test_apidoc_document_is_v2_plus_the_v1_paths(idle_client):
    """Where NAAS tooling reads the v1 routes: the v2 document with the v1 paths added."""
    from openapi_spec_validator import validate
    combined = expect(idle_client.request("GET", "/apidoc/openapi.json"), 200)
    validate(combined)
    v1 = contract.load_document("v1")
    v2 = expect(idle_client.request("GET", "/v2/openapi.json"), 200)
    assert set(v1["paths"]) | set(v2["paths"]) == set(combined["paths"])
    for path, item in v2["paths"].items():
        assert combined["paths"][path] == item, path
    submit = combined["paths"]["/v1/send_command"]["post"]
    assert submit["operationId"] == "v1." + v1["paths"]["/v1/send_command"]["post"]["operationId"]
    assert submit["security"] == [{"deviceBasic": []}]
    older = expect(idle_client.request("GET", "/apidoc/openapi.json", params={"microversion": "2.0"}), 200)
    assert "/v2/platforms" not in older["paths"] and "/v1/send_command" in older["paths"]


def test_versions_lists_both_majors(idle_client):
    body = expect(idle_client.request("GET", "/versions"), 200)
    entries = {entry["id"]: entry for entry in body["versions"]}
    assert entries["v1"]["status"] == "DEPRECATED"
    assert entries["v2"]["status"] == "CURRENT"
    low, high = contract.microversion_range(contract.load_document("v2"))
    assert (entries["v2"]["min_version"], entries["v2"]["max_version"]) == (
        "%d.%d" % low, "%d.%d" % high)


# --- v2 ---------------------------------------------------------------------------

V2_SUBMIT_CASES = {
    "202": (202, lambda c, who, path: c.submit(path, body_for(path), who)),
    "202-2.1": (202, lambda c, who, path: c.submit(path, body_for(path), who, v("2.1"))),
    "202-latest": (202, lambda c, who, path: c.submit(path, body_for(path), who, v("latest"))),
    "400-json": (400, lambda c, who, path: c.request("POST", path, auth=who, data=b"{", headers=JSON)),
    "400-request-id": (400, lambda c, who, path: c.submit(path, body_for(path), who, BAD_REQUEST_ID)),
    "400-duplicate": (400, lambda c, who, path: c.submit(
        path, body_for(path), who, {"X-Request-ID": accepted_id(c, path, who)})),
    "400-version": (400, lambda c, who, path: c.submit(path, body_for(path), who, v("2.01"))),
    "401": (401, lambda c, who, path: c.submit(path, body_for(path), None)),
    "406": (406, lambda c, who, path: c.submit(path, body_for(path), who, v("2.99"))),
    "406-major": (406, lambda c, who, path: c.submit(path, body_for(path), who, v("1.0"))),
    "413": (413, lambda c, who, path: c.request("POST", path, auth=who, data=BIG_BODY, headers=JSON)),
    "415": (415, lambda c, who, path: c.request(
        "POST", path, auth=who, data=json.dumps(body_for(path)).encode(),
        headers={"Content-Type": "text/plain"})),
    "422": (422, lambda c, who, path: c.submit(path, body_for(path, port=0), who)),
    "422-ip": (422, lambda c, who, path: c.submit(
        path, body_for(path, host=DROP, ip="192.0.2.10"), who)),
    "422-device_type": (422, lambda c, who, path: c.submit(
        path, body_for(path, device_type="cisco_ios"), who)),
}


@pytest.mark.parametrize("case", V2_SUBMIT_CASES)
@pytest.mark.parametrize("path", V2_SUBMIT)
def test_v2_submit(idle_client, caller, path, case):
    status, send = V2_SUBMIT_CASES[case]
    response = send(idle_client, caller, path)
    body = expect(response, status)
    if case == "406":
        assert (body["min_version"], body["max_version"]) == (V2_MIN, V2_MAX), body
    if case.startswith("422"):
        assert body["instance"] == response.headers["X-Request-ID"], body
        blamed = {entry["loc"][0] for entry in body["errors"] if entry["loc"]}
        replacement = {"422-ip": ("ip", "host"), "422-device_type": ("device_type", "platform")}
        if case in replacement:
            field, instead = replacement[case]
            assert field in blamed, body
            assert any(instead in entry["msg"] for entry in body["errors"]), body


V2_READ_CASES = {
    "200": (200, lambda c, who, path: c.job(accepted_id(c, path, who), who, path)),
    "200-2.1": (200, lambda c, who, path: c.request(
        "GET", f"{path}/{accepted_id(c, path, who)}", auth=who, headers=v("2.1"))),
    "400-job-id": (400, lambda c, who, path: c.job("not-a-uuid", who, path)),
    "400-request-id": (400, lambda c, who, path: c.request(
        "GET", f"{path}/{uuid.uuid4()}", auth=who, headers=BAD_REQUEST_ID)),
    "400-version": (400, lambda c, who, path: c.request(
        "GET", f"{path}/{uuid.uuid4()}", auth=who, headers=v("two"))),
    "401": (401, lambda c, who, path: c.job(str(uuid.uuid4()), None, path)),
    "403": (403, lambda c, who, path: c.job(str(uuid.uuid4()), who, path)),
    "406": (406, lambda c, who, path: c.request(
        "GET", f"{path}/{uuid.uuid4()}", auth=who, headers=v("3.0"))),
}


@pytest.mark.parametrize("case", V2_READ_CASES)
@pytest.mark.parametrize("path", V2_READ)
def test_v2_read_job(idle_client, caller, path, case):
    status, send = V2_READ_CASES[case]
    expect(send(idle_client, caller, path), status)


V2_LIST_CASES = {
    "200": (200, lambda c, who: c.request("GET", "/v2/jobs", auth=who)),
    "200-filtered": (200, lambda c, who: c.request(
        "GET", "/v2/jobs", auth=who, params={"status": "queued", "page": 1, "per_page": 5})),
    "400-request-id": (400, lambda c, who: c.request("GET", "/v2/jobs", auth=who, headers=BAD_REQUEST_ID)),
    "400-version": (400, lambda c, who: c.request("GET", "/v2/jobs", auth=who, headers=v("2.x"))),
    "401": (401, lambda c, who: c.request("GET", "/v2/jobs")),
    "406": (406, lambda c, who: c.request("GET", "/v2/jobs", auth=who, headers=v("2.99"))),
    "422": (422, lambda c, who: c.request(
        "GET", "/v2/jobs", auth=who, params={"page": 0, "per_page": 101, "status": "exploded"})),
}


@pytest.mark.parametrize("case", V2_LIST_CASES)
def test_v2_list_jobs(idle_client, caller, case):
    status, send = V2_LIST_CASES[case]
    accepted_id(idle_client, "/v2/send-command", caller)
    body = expect(send(idle_client, caller), status)
    if status == 200:
        assert body["jobs"], body


def cancel_twice_v2(client, who):
    job_id = accepted_id(client, "/v2/send-command", who)
    assert client.request("DELETE", f"/v2/jobs/{job_id}", auth=who).status_code == 200
    return client.request("DELETE", f"/v2/jobs/{job_id}", auth=who)


V2_CANCEL_CASES = {
    "200": (200, lambda c, who: c.request(
        "DELETE", f"/v2/jobs/{accepted_id(c, '/v2/send-config', who)}", auth=who)),
    "400-job-id": (400, lambda c, who: c.request("DELETE", "/v2/jobs/not-a-uuid", auth=who)),
    "400-request-id": (400, lambda c, who: c.request(
        "DELETE", f"/v2/jobs/{uuid.uuid4()}", auth=who, headers=BAD_REQUEST_ID)),
    "400-version": (400, lambda c, who: c.request(
        "DELETE", f"/v2/jobs/{uuid.uuid4()}", auth=who, headers=v("v2"))),
    "401": (401, lambda c, who: c.request("DELETE", f"/v2/jobs/{uuid.uuid4()}")),
    "403": (403, lambda c, who: c.request("DELETE", f"/v2/jobs/{uuid.uuid4()}", auth=who)),
    "406": (406, lambda c, who: c.request(
        "DELETE", f"/v2/jobs/{uuid.uuid4()}", auth=who, headers=v("2.99"))),
    "409": (409, cancel_twice_v2),
}


@pytest.mark.parametrize("case", V2_CANCEL_CASES)
def test_v2_cancel_job(idle_client, caller, case):
    status, send = V2_CANCEL_CASES[case]
    expect(send(idle_client, caller), status)


@pytest.mark.parametrize("path", ["/v2/healthcheck", "/v2/", "/v2/openapi.json"])
@pytest.mark.parametrize("status,headers", [(200, None), (200, v("2.1")), (200, v("latest")),
                                            (400, BAD_REQUEST_ID), (400, v("2.")),
                                            (406, v("2.99"))],
                         ids=["200", "200-2.1", "200-latest", "400-request-id", "400-version",
                              "406"])
def test_v2_health_and_discovery(idle_client, path, status, headers):
    body = expect(idle_client.request("GET", path, headers=headers), status)
    if path == "/v2/" and status == 200:
        assert body["id"] == "v2" and body["status"] == "CURRENT", body


@pytest.mark.parametrize("microversion", V2_MICROVERSIONS)
def test_v2_document_served_at_each_microversion(idle_client, microversion):
    response = idle_client.request("GET", "/v2/openapi.json", params={"microversion": microversion})
    served = expect(response, 200)
    committed = contract.at_microversion(contract.load_document("v2"),
                                         contract.parse_microversion(microversion))
    # The view names the microversion it shows; everything else is the committed text.
    assert served["info"].pop("version") == microversion
    committed["info"].pop("version")
    assert served == committed
    job_properties = served["components"]["schemas"]["JobResult"]["properties"]
    assert ("error_code" in job_properties) is (microversion != "2.0")
    # An enum value the server sends only from 2.5 on is listed only from 2.5 on.
    error_codes = served["components"]["schemas"]["ErrorCode"]["enum"]
    assert ("CIRCUIT_OPEN" in error_codes) is (contract.parse_microversion(microversion) >= (2, 5))
    assert ("AUTODETECT_FAILED" in error_codes) is (contract.parse_microversion(microversion) >= (2, 7))
    assert ("detected_platform" in job_properties) is (contract.parse_microversion(microversion) >= (2, 7))
    assert ("/v2/platforms" in served["paths"]) is (contract.parse_microversion(microversion) >= (2, 6))
    for path in ("/v2/templates", V2_STRUCTURED, V2_STRUCTURED + "/{job_id}"):
        assert (path in served["paths"]) is (contract.parse_microversion(microversion) >= (2, 8)), path
    assert "CONNECTION_REFUSED" in error_codes


def test_v2_document_with_a_bad_microversion(idle_client):
    for value in ("9.9", "latest", "2.01", "x"):
        response = idle_client.request("GET", "/v2/openapi.json", params={"microversion": value})
        body = expect(response, 422)
        assert [e["loc"] for e in body["errors"]] == [["microversion"]], body


# --- v2 job results at each microversion -----------------------------------------

@pytest.fixture(scope="module")
def refused_v2_job(client, closed_target):
    """A v2 job the device refused (CONNECTION_REFUSED), ended."""
    response = client.submit("/v2/send-command", closed_target.body(commands=["show version"]),
                             closed_target.auth)
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    client.wait_for_job(job_id, closed_target.auth, path="/v2/send-command")
    return job_id, closed_target.auth


def read_v2(client, job_id, auth, microversion=None, path="/v2/send-command"):
    headers = v(microversion) if microversion else None
    return client.request("GET", f"{path}/{job_id}", auth=auth, headers=headers)


def test_v2_job_at_2_0_has_no_error_code(client, refused_v2_job):
    job_id, auth = refused_v2_job
    for header in (None, "2.0"):
        response = read_v2(client, job_id, auth, header)
        body = expect(response, 200)
        assert response.headers["NAAS-API-Version"] == "2.0"
        assert body["status"] == "finished" and body["results"] is None, body
        assert body["error"], body
        assert "error_code" not in body and "error_retryable" not in body, body
        with pytest.raises(ContractViolation, match="error_code"):
            validate_response(response, microversion="2.1")


@pytest.mark.parametrize("header", ["2.1", "latest"])
def test_v2_job_at_2_1_has_error_code(client, refused_v2_job, header):
    job_id, auth = refused_v2_job
    response = read_v2(client, job_id, auth, header)
    body = expect(response, 200)
    assert response.headers["NAAS-API-Version"] == ("2.1" if header == "2.1" else V2_MAX)
    assert body["error_code"] == "CONNECTION_REFUSED", body
    assert body["error_retryable"] is True, body
    # The same body is not a 2.0 response: the 2.1 fields would leak.
    with pytest.raises(ContractViolation, match="error_code"):
        validate_response(response, microversion="2.0")


def test_v2_finished_jobs_at_each_microversion(client, sw_enabled):
    runs = []
    for path, body in [("/v2/send-command", sw_enabled.body(commands=["show version"])),
                       ("/v2/send-config", sw_enabled.body(config=["vlan 78", "name v2"]))]:
        response = client.submit(path, body, sw_enabled.auth)
        expect(response, 202)
        job_id = response.json()["job_id"]
        client.wait_for_job(job_id, sw_enabled.auth, path=path)
        runs.append((path, job_id))
    for path, job_id in runs:
        for header in ("2.0", "2.1", "2.7"):
            body = expect(read_v2(client, job_id, sw_enabled.auth, header, path), 200)
            assert body["status"] == "finished" and body["results"], body
            if header != "2.0":
                assert body["error_code"] is None and body["error_retryable"] is None, body
            assert ("detected_platform" in body) is (header == "2.7"), body
            if header == "2.7":
                assert body["detected_platform"] is None, body  # the job named its platform


# --- v2 API keys, contexts and replay; the protections of both majors -----------

ADMIN_SECRET = "naas-contract-admin-secret-3e"
LATEST = v("latest")
WRONG_PASSWORD = "naas-wrong-pw-contract-19"


def admin_of(name="contract-admin"):
    """HTTP Basic with the admin secret: an admin on v2."""
    return (name, ADMIN_SECRET)


@pytest.fixture(scope="module")
def secure(module_fleet):
    """Two contexts, the admin secret, one live worker that starts nothing."""
    return module_fleet(workers=1, hold_jobs=True,
                        env={"NAAS_CONTEXTS": "default,lab", "NAAS_ADMIN_SECRET": ADMIN_SECRET})


@pytest.fixture(scope="module")
def secure_client(secure):
    return secure.client()


def new_key_id(c):
    response = c.request("POST", "/v2/api-keys", auth=admin_of(), json={"role": "viewer"},
                         headers=LATEST)
    assert response.status_code == 201, response.text
    return response.json()["key_id"]


def ended_job(c, who):
    job_id = accepted_id(c, "/v2/send-command", who)
    assert c.request("DELETE", f"/v2/jobs/{job_id}", auth=who).status_code == 200
    return job_id


def replay(c, who, job_id, headers=None, **options):
    return c.request("POST", f"/v2/jobs/{job_id}/replay", auth=who,
                     headers={**LATEST, **(headers or {})}, **options)


V2_REPLAY_CASES = {
    "202": (202, lambda c, who: replay(c, who, ended_job(c, who))),
    "202-admin": (202, lambda c, who: replay(c, admin_of(), ended_job(c, who),
                                             json={"username": "u", "password": "p"})),
    "400-job-id": (400, lambda c, who: replay(c, who, "not-a-uuid")),
    "400-request-id": (400, lambda c, who: replay(c, who, ended_job(c, who), BAD_REQUEST_ID)),
    "401": (401, lambda c, who: replay(c, None, str(uuid.uuid4()))),
    "403": (403, lambda c, who: replay(c, who, str(uuid.uuid4()))),
    "404-2.3": (404, lambda c, who: replay(c, who, ended_job(c, who), v("2.3"))),
    "406": (406, lambda c, who: replay(c, who, str(uuid.uuid4()), v("2.99"))),
    "409": (409, lambda c, who: replay(c, who, accepted_id(c, "/v2/send-command", who))),
    "413": (413, lambda c, who: replay(c, who, ended_job(c, who), JSON, data=BIG_BODY)),
    "415": (415, lambda c, who: replay(c, who, ended_job(c, who), {"Content-Type": "text/plain"},
                                       data=b"{}")),
    "422": (422, lambda c, who: replay(c, who, ended_job(c, who), json={"username": "u"})),
}


@pytest.mark.parametrize("case", V2_REPLAY_CASES)
def test_v2_replay_job(secure_client, caller, case):
    status, send = V2_REPLAY_CASES[case]
    expect(send(secure_client, caller), status)


def viewer(c):
    """A fresh viewer API key: it may read jobs but not the failed-jobs list."""
    response = c.request("POST", "/v2/api-keys", auth=admin_of(), json={"role": "viewer"},
                         headers=LATEST)
    assert response.status_code == 201, response.text
    return Bearer(response.json()["token"])


def failed_request(c, who, headers=LATEST, params=None):
    return c.request("GET", "/v2/jobs/failed", auth=who, headers=headers, params=params)


V2_FAILED_CASES = {
    "200": (200, lambda c, who: failed_request(c, who)),
    "200-tagged": (200, lambda c, who: failed_request(c, who, params={"tag": "site:lab", "per_page": 5})),
    "400-request-id": (400, lambda c, who: failed_request(c, who, {**LATEST, **BAD_REQUEST_ID})),
    "400-version": (400, lambda c, who: failed_request(c, who, v("2.x"))),
    "401": (401, lambda c, who: failed_request(c, None)),
    "403": (403, lambda c, who: failed_request(c, viewer(c))),
    "404-2.9": (404, lambda c, who: failed_request(c, who, v("2.9"))),
    "406": (406, lambda c, who: failed_request(c, who, v("2.99"))),
    "422": (422, lambda c, who: failed_request(c, who, params={"tag": "no colon", "page": 0})),
}


@pytest.mark.parametrize("case", V2_FAILED_CASES)
def test_v2_list_failed_jobs(secure_client, caller, case):
    status, send = V2_FAILED_CASES[case]
    body = expect(send(secure_client, caller), status)
    if status == 200:  # which jobs are listed is test_job_listing's concern; here, the shape
        assert all(entry["status"] in ("failed", "finished") for entry in body["jobs"]), body


def stream_request(c, who, job_id, headers=LATEST):
    return c.request("GET", f"/v2/jobs/{job_id}/stream", auth=who, headers=headers)


V2_STREAM_CASES = {
    "200": (200, lambda c, who: stream_request(c, who, ended_job(c, who))),
    "200-resumed": (200, lambda c, who: stream_request(
        c, who, ended_job(c, who), {**LATEST, "Last-Event-ID": "3"})),
    "400-job-id": (400, lambda c, who: stream_request(c, who, "not-a-uuid")),
    "400-last-event-id": (400, lambda c, who: stream_request(
        c, who, ended_job(c, who), {**LATEST, "Last-Event-ID": "9"})),
    "401": (401, lambda c, who: stream_request(c, None, uuid.uuid4())),
    "403": (403, lambda c, who: stream_request(c, who, uuid.uuid4())),
    "404-2.8": (404, lambda c, who: stream_request(c, who, ended_job(c, who), v("2.8"))),
    "406": (406, lambda c, who: stream_request(c, who, uuid.uuid4(), v("2.99"))),
}


@pytest.mark.parametrize("case", V2_STREAM_CASES)
def test_v2_stream_job(secure_client, caller, case):
    status, send = V2_STREAM_CASES[case]
    text = expect(send(secure_client, caller), status)
    if status == 200:
        assert "event: result" in text, text
        assert ("event: status" in text) is (case == "200"), text


def test_v2_result_wait_out_of_range(secure_client, caller):
    for path in V2_READ + [V2_STRUCTURED]:
        job_id = accepted_id(secure_client, "/v2/send-command", caller)
        response = secure_client.request("GET", f"{path}/{job_id}", auth=caller, headers=LATEST,
                                         params={"wait": "soon"})
        body = expect(response, 422)
        assert [entry["loc"] for entry in body["errors"]] == [["wait"]], body


V2_BATCH_SUBMIT = ["/v2/send-command/batch", "/v2/send-config/batch"]


def batch_submit(c, who, path, body=None, headers=LATEST, **options):
    if body is not None:
        options["json"] = body
    return c.request("POST", path, auth=who, headers=headers, **options)


def accepted_batch_id(c, who, path):
    response = batch_submit(c, who, path, body_for(path))
    assert response.status_code == 202, response.text
    return response.json()["batch_id"]


V2_BATCH_SUBMIT_CASES = {
    "202": (202, lambda c, who, path: batch_submit(c, who, path, body_for(path))),
    "400-json": (400, lambda c, who, path: batch_submit(c, who, path, headers={**LATEST, **JSON}, data=b"{")),
    "400-taken-id": (400, lambda c, who, path: batch_submit(
        c, who, path, body_for(path), {**LATEST, "X-Request-ID": accepted_batch_id(c, who, path)})),
    "400-context": (400, lambda c, who, path: batch_submit(c, who, path, body_for(path, context="nowhere"))),
    "401": (401, lambda c, who, path: batch_submit(c, None, path, body_for(path))),
    "403": (403, lambda c, who, path: batch_submit(
        c, viewer(c), path, body_for(path, username="u", password="p"))),
    "404-2.11": (404, lambda c, who, path: batch_submit(c, who, path, body_for(path), v("2.11"))),
    "406": (406, lambda c, who, path: batch_submit(c, who, path, body_for(path), v("2.99"))),
    "413": (413, lambda c, who, path: batch_submit(c, who, path, headers={**LATEST, **JSON}, data=BIG_BODY)),
    "415": (415, lambda c, who, path: batch_submit(
        c, who, path, headers={**LATEST, "Content-Type": "text/plain"}, data=json.dumps(body_for(path)).encode())),
    "422": (422, lambda c, who, path: batch_submit(c, who, path, body_for(path, port=0))),
    "422-devices": (422, lambda c, who, path: batch_submit(c, who, path, {**body_for(path), "devices": []})),
}


@pytest.mark.parametrize("case", V2_BATCH_SUBMIT_CASES)
@pytest.mark.parametrize("path", V2_BATCH_SUBMIT)
def test_v2_submit_batch(secure_client, caller, path, case):
    status, send = V2_BATCH_SUBMIT_CASES[case]
    body = expect(send(secure_client, caller, path), status)
    if status == 202:
        assert len(body["jobs"]) == 1 and body["jobs"][0]["host"] == PARKED_HOST, body


def batch_read(c, who, batch_id, headers=LATEST, params=None):
    return c.request("GET", f"/v2/batches/{batch_id}", auth=who, headers=headers, params=params)


V2_BATCH_READ_CASES = {
    "200": (200, lambda c, who: batch_read(c, who, accepted_batch_id(c, who, V2_BATCH_SUBMIT[0]))),
    "200-results": (200, lambda c, who: batch_read(
        c, who, accepted_batch_id(c, who, V2_BATCH_SUBMIT[1]), params={"include": "results"})),
    "400-batch-id": (400, lambda c, who: batch_read(c, who, "not-a-uuid")),
    "400-version": (400, lambda c, who: batch_read(c, who, uuid.uuid4(), v("2.x"))),
    "401": (401, lambda c, who: batch_read(c, None, uuid.uuid4())),
    "403": (403, lambda c, who: batch_read(c, who, uuid.uuid4())),
    "404-2.11": (404, lambda c, who: batch_read(c, who, uuid.uuid4(), v("2.11"))),
    "406": (406, lambda c, who: batch_read(c, who, uuid.uuid4(), v("2.99"))),
    "422": (422, lambda c, who: batch_read(
        c, who, accepted_batch_id(c, who, V2_BATCH_SUBMIT[0]), params={"include": "all"})),
}


@pytest.mark.parametrize("case", V2_BATCH_READ_CASES)
def test_v2_read_batch(secure_client, caller, case):
    status, send = V2_BATCH_READ_CASES[case]
    body = expect(send(secure_client, caller), status)
    if status == 200:
        assert body["status"] == "pending" and body["counts"]["queued"] == 1, body
        assert ("results" in body["jobs"][0]) is (case == "200-results"), body


def contexts_request(c, who, headers=LATEST):
    return c.request("GET", "/v2/contexts", auth=who, headers=headers)


V2_CONTEXTS_CASES = {
    "200": (200, lambda c, who: contexts_request(c, who)),
    "200-admin": (200, lambda c, who: contexts_request(c, admin_of())),
    "400-request-id": (400, lambda c, who: contexts_request(c, who, {**LATEST, **BAD_REQUEST_ID})),
    "400-version": (400, lambda c, who: contexts_request(c, who, v("2.x"))),
    "401": (401, lambda c, who: contexts_request(c, None)),
    "404-2.2": (404, lambda c, who: contexts_request(c, who, v("2.2"))),
    "406": (406, lambda c, who: contexts_request(c, who, v("2.99"))),
}


@pytest.mark.parametrize("case", V2_CONTEXTS_CASES)
def test_v2_list_contexts(secure_client, caller, case):
    status, send = V2_CONTEXTS_CASES[case]
    body = expect(send(secure_client, caller), status)
    if status == 200:
        assert {entry["name"] for entry in body["contexts"]} == {"default", "lab"}, body


def platforms_request(c, who, headers=LATEST):
    return c.request("GET", "/v2/platforms", auth=who, headers=headers)


V2_PLATFORMS_CASES = {
    "200": (200, lambda c, who: platforms_request(c, who)),
    "200-2.6": (200, lambda c, who: platforms_request(c, who, v("2.6"))),
    "400-request-id": (400, lambda c, who: platforms_request(c, who, {**LATEST, **BAD_REQUEST_ID})),
    "400-version": (400, lambda c, who: platforms_request(c, who, v("2.x"))),
    "401": (401, lambda c, who: platforms_request(c, None)),
    "404-2.5": (404, lambda c, who: platforms_request(c, who, v("2.5"))),
    "406": (406, lambda c, who: platforms_request(c, who, v("2.99"))),
}


@pytest.mark.parametrize("case", V2_PLATFORMS_CASES)
def test_v2_list_platforms(secure_client, caller, case):
    status, send = V2_PLATFORMS_CASES[case]
    body = expect(send(secure_client, caller), status)
    if status == 200:
        assert "cisco_ios" in {entry["name"] for entry in body["platforms"]}, body


def keys_request(c, method, path, who, headers=LATEST, **options):
    return c.request(method, path, auth=who, headers=headers, **options)


def create_request(c, who, body=None, headers=LATEST, **options):
    if body is not None:
        options["json"] = body
    return keys_request(c, "POST", "/v2/api-keys", who, headers, **options)


V2_KEY_CASES = {
    "create-201": (201, lambda c, who: create_request(
        c, admin_of(), {"role": "operator", "contexts": ["lab"], "ttl": 60, "name": "contract"})),
    "create-400-json": (400, lambda c, who: create_request(
        c, admin_of(), headers={**LATEST, **JSON}, data=b"{")),
    "create-400-request-id": (400, lambda c, who: create_request(
        c, admin_of(), {"role": "viewer"}, {**LATEST, **BAD_REQUEST_ID})),
    "create-401": (401, lambda c, who: create_request(c, None, {"role": "viewer"})),
    "create-403": (403, lambda c, who: create_request(c, who, {"role": "viewer"})),
    "create-404-2.1": (404, lambda c, who: create_request(c, admin_of(), {"role": "viewer"}, v("2.1"))),
    "create-406": (406, lambda c, who: create_request(c, admin_of(), {"role": "viewer"}, v("2.99"))),
    "create-413": (413, lambda c, who: create_request(
        c, admin_of(), headers={**LATEST, **JSON}, data=BIG_BODY)),
    "create-415": (415, lambda c, who: create_request(
        c, admin_of(), headers={**LATEST, "Content-Type": "text/plain"}, data=b'{"role": "viewer"}')),
    "create-422": (422, lambda c, who: create_request(c, admin_of(), {"role": "root", "ttl": -1})),
    "list-200": (200, lambda c, who: keys_request(c, "GET", "/v2/api-keys", admin_of())),
    "list-400-request-id": (400, lambda c, who: keys_request(
        c, "GET", "/v2/api-keys", admin_of(), {**LATEST, **BAD_REQUEST_ID})),
    "list-401": (401, lambda c, who: keys_request(c, "GET", "/v2/api-keys", None)),
    "list-403": (403, lambda c, who: keys_request(c, "GET", "/v2/api-keys", who)),
    "list-406": (406, lambda c, who: keys_request(c, "GET", "/v2/api-keys", admin_of(), v("2.99"))),
    "revoke-204": (204, lambda c, who: keys_request(
        c, "DELETE", f"/v2/api-keys/{new_key_id(c)}", admin_of())),
    "revoke-400": (400, lambda c, who: keys_request(c, "DELETE", "/v2/api-keys/k-XYZ", admin_of())),
    "revoke-401": (401, lambda c, who: keys_request(c, "DELETE", "/v2/api-keys/k-000000000000", None)),
    "revoke-403": (403, lambda c, who: keys_request(
        c, "DELETE", f"/v2/api-keys/{new_key_id(c)}", who)),
    "revoke-404": (404, lambda c, who: keys_request(
        c, "DELETE", "/v2/api-keys/k-000000000000", admin_of())),
    "revoke-406": (406, lambda c, who: keys_request(
        c, "DELETE", "/v2/api-keys/k-000000000000", admin_of(), v("2.99"))),
    "rotate-200": (200, lambda c, who: keys_request(
        c, "POST", f"/v2/api-keys/{new_key_id(c)}/rotate", admin_of())),
    "rotate-400": (400, lambda c, who: keys_request(
        c, "POST", "/v2/api-keys/k-XYZ/rotate", admin_of())),
    "rotate-401": (401, lambda c, who: keys_request(
        c, "POST", "/v2/api-keys/k-000000000000/rotate", None)),
    "rotate-403": (403, lambda c, who: keys_request(
        c, "POST", f"/v2/api-keys/{new_key_id(c)}/rotate", who)),
    "rotate-404": (404, lambda c, who: keys_request(
        c, "POST", "/v2/api-keys/k-000000000000/rotate", admin_of())),
    "rotate-406": (406, lambda c, who: keys_request(
        c, "POST", "/v2/api-keys/k-000000000000/rotate", admin_of(), v("2.99"))),
}


@pytest.mark.parametrize("case", V2_KEY_CASES)
def test_v2_api_keys(secure_client, caller, case):
    status, send = V2_KEY_CASES[case]
    body = expect(send(secure_client, caller), status)
    if status in (200, 201) and "token" in (body or {}):
        assert body["token"].startswith("naas_"), body


def _needs_credentials(major, operation):
    security = operation.spec.get("security", contract.contract(major).document.get("security"))
    return bool(security) and {} not in security


RATE_LIMITED = [(major, operation.operation_id)
                for major in ("v1", "v2") for operation in contract.contract(major).operations
                if "429" in operation.statuses and _needs_credentials(major, operation)]


@pytest.fixture(scope="module")
def limited(module_fleet):
    """One authenticated request per caller and window."""
    return module_fleet(workers=1, hold_jobs=True,
                        env={"RATE_LIMIT_PER_CALLER": "1", "RATE_LIMIT_WINDOW": "3600", "RATE_LIMIT_BASIC": "1",
                             "NAAS_ADMIN_SECRET": ADMIN_SECRET})


@pytest.mark.parametrize("major,operation_id", RATE_LIMITED)
def test_rate_limited(limited, major, operation_id):
    operation = next(op for op in contract.contract(major).operations
                     if op.operation_id == operation_id)
    c = limited.client()
    name = f"rate-{uuid.uuid4().hex[:8]}"
    if major == "v2":  # the admin secret passes every role check
        who, headers, first = admin_of(name), LATEST, "/v2/jobs"
    else:
        who, headers, first = (name, "rate-pw"), {}, "/v1/jobs"
    assert c.request("GET", first, auth=who, headers=headers).status_code == 200
    path = operation.template.replace("{job_id}", str(uuid.uuid4())).replace("{batch_id}", str(uuid.uuid4()))
    path = path.replace("{key_id}", "k-000000000000")
    options = {}
    if operation.method == "POST" and "send" in path:
        options["json"] = body_for(path)
    elif path == "/v2/api-keys" and operation.method == "POST":
        options["json"] = {"role": "viewer"}
    response = c.request(operation.method, path, auth=who, headers=headers, **options)
    expect(response, 429)
    assert int(response.headers["Retry-After"]) > 0


def test_lockouts_in_both_majors(naas_factory, sw_enabled, new_caller):
    server = naas_factory(workers=1, env={"USER_LOCKOUT_THRESHOLD": "1",
                                          "DEVICE_LOCKOUT_THRESHOLD": "1", **NTC_TEMPLATES})
    c = server.client()
    wrong = sw_enabled.with_password(WRONG_PASSWORD)
    job_id = accepted_id_of(c.submit("/v1/send_command", wrong.body(commands=["show version"]),
                                     wrong.auth))
    deadline = time.monotonic() + 60
    while c.job(job_id, wrong.auth).status_code != 403:  # locked out as the job ends
        assert time.monotonic() < deadline, "the username was not locked out"
        time.sleep(0.05)
    expect(c.jobs(wrong.auth), 403)
    expect(c.request("GET", "/v2/jobs", auth=wrong.auth), 403)
    expect(contexts_request(c, wrong.auth), 403)
    expect(platforms_request(c, wrong.auth), 403)
    expect(templates_request(c, wrong.auth), 403)
    someone = new_caller()  # not locked out, but the device is
    for path in V1_SUBMIT + V2_SUBMIT + [V1_STRUCTURED, V2_STRUCTURED]:
        fields = {"commands": ["show version"]} if "command" in path else {"config": ["vlan 5"]}
        headers = LATEST if path == V2_STRUCTURED else None
        expect(c.submit(path, sw_enabled.body(**fields), someone, headers), 403)


def accepted_id_of(response):
    assert response.status_code == 202, response.text
    return response.json()["job_id"]


def test_no_worker_in_both_majors(naas_factory, caller):
    server = naas_factory(workers=1, hold_jobs=True, env=NTC_TEMPLATES)
    job_id = ended_job(server.client(), caller)
    server.stop()
    server.workers, server.hold_jobs = 0, False
    server.start()
    c = server.client()
    deadline = time.monotonic() + 30  # until the old process' worker no longer counts as live
    while contexts_request(c, caller).json()["contexts"][0]["workers"] != 0:
        assert time.monotonic() < deadline
        time.sleep(0.5)
    for path in V1_SUBMIT + V2_SUBMIT + [V1_STRUCTURED]:
        expect(c.submit(path, body_for(path), caller), 503)
    no_worker = expect(c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), caller, LATEST), 503)
    assert no_worker["type"] == "/problems/no-worker", no_worker
    expect(replay(c, caller, job_id), 503)


def test_queue_full_in_both_majors(naas_factory, caller):
    """With MAX_QUEUE_DEPTH, a context already holding that many queued jobs takes no more."""
    server = naas_factory(workers=1, hold_jobs=True, env={"MAX_QUEUE_DEPTH": "2", **NTC_TEMPLATES})
    c = server.client()
    ended = ended_job(c, caller)  # canceled: it holds no place in the queue
    accepted_id(c, "/v1/send_command", caller)
    accepted_id(c, "/v2/send-command", caller)
    for path in V1_SUBMIT + [V1_STRUCTURED]:
        body = expect(c.submit(path, body_for(path), caller), 503)
        assert "Queue depth limit reached" in body["message"], body
    for path in V2_SUBMIT + [V2_STRUCTURED]:
        response = c.submit(path, body_for(path), caller, LATEST)
        problem = expect(response, 503)
        assert problem["type"] == "/problems/queue-full" and response.headers["Retry-After"] == "5", problem
    assert expect(replay(c, caller, ended), 503)["type"] == "/problems/queue-full"
    queued = c.request("GET", "/v2/jobs", auth=caller, params={"status": "queued"}).json()
    assert queued["pagination"]["total"] == 2, queued


STORE_BOUND = [(major, operation.operation_id)
               for major in ("v1", "v2") for operation in contract.contract(major).operations
               if "503" in operation.statuses]


@pytest.fixture(scope="module")
def store_down(postgres, naas_bin, tmp_path_factory):
    """A server on PostgreSQL whose database is stopped once it runs (started again afterwards)."""
    import base64
    import os
    from harness.server import NaasServer
    server = NaasServer(naas_bin, tmp_path_factory.mktemp("store-down"), workers=1, hold_jobs=True,
                        env={"NAAS_ENCRYPTION_KEY": base64.b64encode(os.urandom(32)).decode(),
                             "NAAS_ADMIN_SECRET": ADMIN_SECRET, **NTC_TEMPLATES},
                        args=["--database-url", postgres.new_database()]).start()
    postgres.stop()
    try:
        yield server.client()
    finally:
        server.stop()
        postgres.start()


@pytest.mark.parametrize("major,operation_id", STORE_BOUND)
def test_store_unavailable(store_down, major, operation_id):
    """Every operation that reads the store answers 503 while it cannot (the health probes: degraded)."""
    operation = next(op for op in contract.contract(major).operations if op.operation_id == operation_id)
    path = operation.template.replace("{job_id}", str(uuid.uuid4())).replace("{key_id}", "k-000000000000")
    path = path.replace("{batch_id}", str(uuid.uuid4()))
    # The admin secret passes every role check; a Basic device login is checked against lockouts in the store.
    basic = ("store-down", "pw-1")
    who = admin_of("store-down") if major == "v2" and "api-keys" in path else basic
    headers = LATEST if major == "v2" else {}
    options = {}
    if operation.method == "POST" and "send" in path:
        options["json"] = body_for(path)
    elif operation.method == "POST" and "replay" not in path and "rotate" not in path:
        options["json"] = {"role": "viewer"}
    if path == "/v2/templates":
        options["params"] = {"platform": "cisco_ios"}
    response = store_down.request(operation.method, path, auth=who, headers=headers, **options)
    body = expect(response, 503, major=major)
    if "healthcheck" in path:
        assert body["status"] == "degraded", body
    else:
        assert response.headers["Retry-After"] == "5", response.headers
        assert "store" in (body.get("message") or body.get("detail")), body


# --- structured output (v1, and v2 from 2.8) ---------------------------------------

BROKEN_TEMPLATE = "Value A (\\S+)\n\nStart\n  ^${B} -> Record\n"


@pytest.fixture(scope="module")
def templated(module_fleet):
    """ntc-templates loaded, one live worker that starts nothing."""
    return module_fleet(workers=1, hold_jobs=True, env=NTC_TEMPLATES).client()


@pytest.fixture(scope="module")
def without_templates(module_fleet, tmp_path_factory):
    """A templates folder that is empty: structured output from ntc-templates is unavailable."""
    return module_fleet(workers=1, hold_jobs=True,
                        args=["--templates-dir", tmp_path_factory.mktemp("no-templates")]).client()


@pytest.mark.parametrize("case", V1_SUBMIT_CASES)
def test_v1_submit_structured(templated, caller, case):
    status, send = V1_SUBMIT_CASES[case]
    expect(send(templated, caller, V1_STRUCTURED), status)


def test_v1_structured_without_templates(without_templates, caller):
    response = without_templates.submit(V1_STRUCTURED, body_for(V1_STRUCTURED), caller)
    body = expect(response, 503)
    assert "ntc-templates" in body["message"] and "Retry-After" not in response.headers, body
    inline = body_for(V1_STRUCTURED, textfsm_template="Value A (\\S+)\n\nStart\n  ^${A} -> Record\n")
    expect(without_templates.submit(V1_STRUCTURED, inline, caller), 202)


@pytest.mark.parametrize("case", V1_READ_CASES)
def test_v1_read_structured_job(templated, caller, case):
    status, send = V1_READ_CASES[case]
    expect(send(templated, caller, V1_STRUCTURED), status)


def latest(headers=None):
    return {**LATEST, **(headers or {})}


V2_STRUCTURED_SUBMIT_CASES = {
    "202": (202, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who, LATEST)),
    "202-2.8": (202, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who, v("2.8"))),
    "400-json": (400, lambda c, who: c.request("POST", V2_STRUCTURED, auth=who, data=b"{",
                                               headers=latest(JSON))),
    "400-request-id": (400, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who,
                                                    latest(BAD_REQUEST_ID))),
    "400-duplicate": (400, lambda c, who: c.submit(
        V2_STRUCTURED, body_for(V2_STRUCTURED), who,
        latest({"X-Request-ID": accepted_id(c, V2_STRUCTURED, who, LATEST)}))),
    "400-version": (400, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who, v("2.01"))),
    "401": (401, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), None, LATEST)),
    "404-2.7": (404, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who, v("2.7"))),
    "406": (406, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), who, v("2.99"))),
    "413": (413, lambda c, who: c.request("POST", V2_STRUCTURED, auth=who, data=BIG_BODY,
                                          headers=latest(JSON))),
    "415": (415, lambda c, who: c.request(
        "POST", V2_STRUCTURED, auth=who, data=json.dumps(body_for(V2_STRUCTURED)).encode(),
        headers=latest({"Content-Type": "text/plain"}))),
    "422": (422, lambda c, who: c.submit(V2_STRUCTURED, body_for(V2_STRUCTURED, port=0), who, LATEST)),
    "422-template": (422, lambda c, who: c.submit(
        V2_STRUCTURED, body_for(V2_STRUCTURED, textfsm_template=BROKEN_TEMPLATE), who, LATEST)),
    "422-ttp": (422, lambda c, who: c.submit(
        V2_STRUCTURED, body_for(V2_STRUCTURED, ttp_template="<group>{{ a }}</group>"), who, LATEST)),
}


@pytest.mark.parametrize("case", V2_STRUCTURED_SUBMIT_CASES)
def test_v2_submit_structured(templated, caller, case):
    status, send = V2_STRUCTURED_SUBMIT_CASES[case]
    body = expect(send(templated, caller), status)
    blamed = {"422-template": "textfsm_template", "422-ttp": "ttp_template"}
    if case in blamed:
        assert [entry["loc"] for entry in body["errors"]] == [[blamed[case]]], body
    if case == "422-template":
        assert "line 4" in body["errors"][0]["msg"], body


def test_v2_structured_without_templates(without_templates, caller):
    response = without_templates.submit(V2_STRUCTURED, body_for(V2_STRUCTURED), caller, LATEST)
    body = expect(response, 503)
    assert body["type"] == "/problems/structured-output-unavailable", body
    assert "Retry-After" not in response.headers


V2_STRUCTURED_READ_CASES = {
    "200": (200, lambda c, who: c.request(
        "GET", f"{V2_STRUCTURED}/{accepted_id(c, V2_STRUCTURED, who, LATEST)}", auth=who, headers=LATEST)),
    "200-plain-job": (200, lambda c, who: c.request(
        "GET", f"{V2_STRUCTURED}/{accepted_id(c, '/v2/send-command', who)}", auth=who, headers=v("2.8"))),
    "400-job-id": (400, lambda c, who: c.request("GET", f"{V2_STRUCTURED}/not-a-uuid", auth=who,
                                                 headers=LATEST)),
    "400-request-id": (400, lambda c, who: c.request(
        "GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", auth=who, headers=latest(BAD_REQUEST_ID))),
    "400-version": (400, lambda c, who: c.request(
        "GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", auth=who, headers=v("two"))),
    "401": (401, lambda c, who: c.request("GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", headers=LATEST)),
    "403": (403, lambda c, who: c.request("GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", auth=who,
                                          headers=LATEST)),
    "404-2.7": (404, lambda c, who: c.request("GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", auth=who,
                                              headers=v("2.7"))),
    "406": (406, lambda c, who: c.request(
        "GET", f"{V2_STRUCTURED}/{uuid.uuid4()}", auth=who, headers=v("3.0"))),
}


@pytest.mark.parametrize("case", V2_STRUCTURED_READ_CASES)
def test_v2_read_structured_job(templated, caller, case):
    status, send = V2_STRUCTURED_READ_CASES[case]
    body = expect(send(templated, caller), status)
    if status == 200:
        assert body["parse_errors"] == {} and body["results"] is None, body


@pytest.fixture(scope="module")
def templated_runner(module_fleet):
    """ntc-templates loaded, with workers that run jobs."""
    return module_fleet(workers=2, env=NTC_TEMPLATES).client()


def test_v2_structured_results_of_finished_jobs(templated_runner, sw_enabled):
    client = templated_runner
    response = client.submit(V2_STRUCTURED, sw_enabled.body(commands=["show version", "show running-config"]),
                             sw_enabled.auth, LATEST)
    expect(response, 202)
    job_id = response.json()["job_id"]
    deadline = time.monotonic() + 30
    while (body := expect(read_v2(client, job_id, sw_enabled.auth, "latest", V2_STRUCTURED), 200))["status"] \
            not in ("finished", "failed"):
        assert time.monotonic() < deadline, body
        time.sleep(0.05)
    assert isinstance(body["results"]["show version"], list), body
    assert isinstance(body["results"]["show running-config"], str), body
    v1 = expect(client.job(job_id, sw_enabled.auth, V1_STRUCTURED), 200)
    assert v1["results"] == body["results"] and "parse_errors" not in v1
    plain = expect(read_v2(client, job_id, sw_enabled.auth, "2.8"), 200)
    assert all(isinstance(output, str) for output in plain["results"].values()), plain


def templates_request(c, who, params=None, headers=LATEST):
    return c.request("GET", "/v2/templates", auth=who, headers=headers,
                     params={"platform": "cisco_ios"} if params is None else params)


V2_TEMPLATES_CASES = {
    "200": (200, lambda c, who: templates_request(c, who)),
    "200-2.8": (200, lambda c, who: templates_request(c, who, {"platform": "huawei"}, v("2.8"))),
    "400-request-id": (400, lambda c, who: templates_request(c, who, headers=latest(BAD_REQUEST_ID))),
    "400-version": (400, lambda c, who: templates_request(c, who, headers=v("2.x"))),
    "401": (401, lambda c, who: templates_request(c, None)),
    "404-2.7": (404, lambda c, who: templates_request(c, who, headers=v("2.7"))),
    "406": (406, lambda c, who: templates_request(c, who, headers=v("2.99"))),
    "422": (422, lambda c, who: templates_request(c, who, {"platform": "autodetect"})),
    "422-missing": (422, lambda c, who: templates_request(c, who, {})),
}


@pytest.mark.parametrize("case", V2_TEMPLATES_CASES)
def test_v2_list_templates(templated, caller, case):
    status, send = V2_TEMPLATES_CASES[case]
    body = expect(send(templated, caller), status)
    if status == 200:
        assert body["templates"], body
    if status == 422:
        assert [entry["loc"] for entry in body["errors"]] == [["platform"]], body


def test_v2_templates_without_templates(without_templates, caller):
    body = expect(templates_request(without_templates, caller), 503)
    assert body["type"] == "/problems/structured-output-unavailable", body


# --- the validator itself ---------------------------------------------------------

def test_validator_rejects_what_the_document_does_not_allow(idle_client, caller):
    response = idle_client.request("GET", "/v2/jobs", auth=caller)
    expect(response, 200)
    response._content = json.dumps({"jobs": [], "pagination": {"page": 1}}).encode()
    with pytest.raises(ContractViolation, match="per_page"):
        validate_response(response)
    response._content = json.dumps({"jobs": [], "pagination": {
        "page": 1, "per_page": 20, "total": 0, "pages": 0}, "extra": 1}).encode()
    with pytest.raises(ContractViolation, match="extra"):
        validate_response(response)
    response.status_code = 418
    with pytest.raises(ContractViolation, match="418 is not documented"):
        validate_response(response)


# --- coverage: keep last ----------------------------------------------------------

# Documented responses no test here can bring about on demand: (operationId, status).
# A 409 for an Idempotency-Key needs a second request while the first is between
# reserving the key and queuing its job; test_job_reuse races for it and checks any it sees.
UNREACHABLE = {(operation, "409") for operation in ("v2SendCommand", "v2SendConfig", "v2SendCommandStructured")}


def documented_responses():
    for major in ("v1", "v2"):
        for operation in contract.contract(major).operations:
            for status in operation.statuses:
                yield major, operation.operation_id, status


def test_every_documented_response_was_seen(request):
    selected = {item.originalname for item in request.session.items
                if item.module is request.module}
    if {name for name in dir(request.module) if name.startswith("test_")} - selected:
        pytest.skip("only part of this module was selected")
    missing = sorted(entry for entry in documented_responses()
                     if entry[1:] not in UNREACHABLE and entry not in contract.covered)
    assert not missing, f"documented but never seen (or never valid): {missing}"
