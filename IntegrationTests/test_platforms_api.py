"""Platforms in the API: `GET /v2/platforms` (microversion 2.6), the 422 for
a save or commit step the platform lacks (from 2.6), the platform names a
submission accepts (every microversion, and v1), and `detected_platform` in
results (2.7)."""
import pytest

from harness.contract import ContractViolation, contract, load_document, validate_response
from harness.samples import command_body, config_body
from harness.security import at, blamed, problem

PLATFORMS = "2.6"  # GET /v2/platforms; save_config/commit a platform lacks is a 422
AUTODETECT = "2.7"  # detected_platform in results; error_code AUTODETECT_FAILED


def platforms(http, auth, microversion=PLATFORMS):
    return http.request("GET", "/v2/platforms", auth=auth, headers=at(microversion))


def listed(http, auth, microversion=PLATFORMS):
    response = platforms(http, auth, microversion)
    assert response.status_code == 200, response.text
    return validate_response(response)["platforms"]


def submit(http, auth, path, body, microversion=PLATFORMS):
    return http.request("POST", path, auth=auth, json=body, headers=at(microversion))


def accepted(response):
    assert response.status_code == 202, response.text
    return validate_response(response)["job_id"]


# --- GET /v2/platforms ----------------------------------------------------------------

def test_platforms_lists_the_table_sorted_by_name(idle_client, caller):
    entries = listed(idle_client, caller)
    names = [entry["name"] for entry in entries]
    assert names == sorted(names) and len(names) == 20, names
    by_name = {entry["name"]: entry for entry in entries}
    ios = by_name["cisco_ios"]
    assert ios["aliases"] == ["cisco_xe"], ios
    assert ios["telnet_names"] == ["cisco_ios_telnet", "cisco_xe_telnet"], ios
    assert ios["capabilities"] == {"enable": True, "config": True, "save": True,
                                   "commit": False, "telnet": True, "autodetect": True}, ios
    junos = by_name["juniper_junos"]["capabilities"]
    assert junos["commit"] is True and junos["save"] is False, junos


def test_platforms_names_are_the_documented_platform_enum(idle_client, caller):
    """Every name the list shows, with `autodetect`, is what both documents accept."""
    names = {"autodetect"}
    for entry in listed(idle_client, caller, "latest"):
        names |= {entry["name"], *entry["aliases"], *entry["telnet_names"]}
    for major in ("v1", "v2"):
        assert set(load_document(major)["components"]["schemas"]["Platform"]["enum"]) == names


@pytest.mark.parametrize("microversion", ["2.0", "2.5"])
def test_platforms_does_not_exist_before_2_6(idle_client, caller, microversion):
    response = platforms(idle_client, caller, microversion)
    assert response.status_code == 404, response.text
    validate_response(response)


def test_platforms_needs_credentials(idle_client):
    problem(platforms(idle_client, None), 401, "unauthorized")


# --- a save or commit the platform has no step for ----------------------------------

STEP_CASES = [
    ("juniper_junos", {"save_config": True}, "save_config"),
    ("paloalto_panos", {"save_config": True}, "save_config"),
    ("cisco_ios", {"commit": True}, "commit"),
    ("arista_eos_telnet", {"commit": True}, "commit"),
]


@pytest.mark.parametrize("platform,flags,field", STEP_CASES)
def test_missing_step_is_422_from_2_6(idle_client, caller, platform, flags, field):
    body = config_body(platform=platform, **flags)
    for microversion in (PLATFORMS, "latest"):
        found = problem(submit(idle_client, caller, "/v2/send-config", body, microversion), 422,
                        "validation-error")
        assert blamed(found) == {field}, found
        message = next(e["msg"] for e in found["errors"] if e["loc"] == [field])
        assert platform.removesuffix("_telnet") in message and f"leave {field} out" in message, message


@pytest.mark.parametrize("platform,flags,field", STEP_CASES)
def test_missing_step_is_ignored_before_2_6_and_on_v1(idle_client, caller, platform, flags, field):
    body = config_body(platform=platform, **flags)
    for microversion in ("2.0", "2.5"):
        accepted(submit(idle_client, caller, "/v2/send-config", body, microversion))
    accepted(idle_client.submit("/v1/send_config", body, caller))


def test_save_fix_names_commit_where_commit_is_the_save(idle_client, caller):
    body = config_body(platform="juniper_junos", config=["set vlans v42 vlan-id 42"], save_config=True)
    found = problem(submit(idle_client, caller, "/v2/send-config", body), 422, "validation-error")
    assert "commit: true" in found["errors"][0]["msg"], found
    accepted(submit(idle_client, caller, "/v2/send-config",
                    config_body(platform="juniper_junos", config=["set vlans v42 vlan-id 42"],
                                commit=True)))


def test_steps_the_platform_has_are_accepted(idle_client, caller):
    for platform, flags in [("cisco_ios", {"save_config": True}), ("vyos", {"commit": True, "save_config": True}),
                            ("cisco_xr", {"commit": True})]:
        accepted(submit(idle_client, caller, "/v2/send-config", config_body(platform=platform, **flags)))


def test_the_2_6_document_and_the_server_agree_on_every_step(idle_client, caller):
    """For each platform name and each step, the served 2.6 schema of a config
    job accepts exactly what the server accepts."""
    view = contract("v2", PLATFORMS)
    pointer = "/components/schemas/ConfigJobRequest"
    names = [None] + [n for entry in listed(idle_client, caller) for n in [entry["name"]] + entry["aliases"]]
    mismatches = []
    for name in names:
        for flags in ({"save_config": True}, {"commit": True}, {"commit": True, "save_config": True}):
            body = config_body(platform=name, **flags)
            schema_valid = not view.schema_errors(body, pointer)
            response = submit(idle_client, caller, "/v2/send-config", body)
            validate_response(response)
            if (response.status_code == 202) != schema_valid:
                mismatches.append((name, flags, response.status_code, schema_valid))
    assert not mismatches, mismatches


# --- the names a submission accepts ------------------------------------------------

@pytest.mark.parametrize("platform", ["dell_force10", "dell_os9", "arista_eos_telnet", "autodetect"])
def test_new_platform_names_are_accepted(idle_client, caller, platform):
    for microversion in ("2.0", PLATFORMS, "latest"):
        accepted(submit(idle_client, caller, "/v2/send-command", command_body(platform=platform),
                        microversion))
    v1 = idle_client.submit("/v1/send_command", command_body(platform=platform), caller)
    assert v1.status_code == 202, v1.text
    validate_response(v1)
    legacy = idle_client.submit("/v1/send_command", command_body(platform=None, device_type=platform),
                                caller)
    assert legacy.status_code == 202, legacy.text
    validate_response(legacy)


def test_unknown_platform_is_422_listing_the_names(idle_client, caller):
    found = problem(submit(idle_client, caller, "/v2/send-command", command_body(platform="cisco_ios_ssh")),
                    422, "validation-error")
    assert blamed(found) == {"platform"}, found
    assert "dell_force10" in found["errors"][0]["msg"], found


@pytest.mark.parametrize("microversion", ["2.0", PLATFORMS, "latest"])
def test_autodetect_on_a_config_job_is_422_naming_platform(idle_client, caller, microversion):
    found = problem(submit(idle_client, caller, "/v2/send-config",
                           config_body(platform="autodetect"), microversion), 422, "validation-error")
    assert blamed(found) == {"platform"}, found
    assert "autodetect" in found["errors"][0]["msg"], found


def test_autodetect_on_a_v1_config_job_is_422(idle_client, caller):
    for body in (config_body(platform="autodetect"), config_body(platform=None, device_type="autodetect")):
        response = idle_client.submit("/v1/send_config", body, caller)
        assert response.status_code == 422, response.text
        validate_response(response)


# --- detected_platform in results (2.7) ---------------------------------------------

@pytest.fixture(scope="module")
def refused_autodetect(client, closed_target):
    """An autodetect job whose device refused the connection: nothing was detected."""
    body = closed_target.body(commands=["show version"], platform="autodetect")
    response = client.submit("/v2/send-command", body, closed_target.auth)
    job_id = accepted(response)
    client.wait_for_job(job_id, closed_target.auth, path="/v2/send-command")
    return job_id, closed_target.auth


def read(client, job_id, auth, microversion, path="/v2/send-command"):
    return client.request("GET", f"{path}/{job_id}", auth=auth, headers=at(microversion))


def test_detected_platform_is_sent_from_2_7(client, refused_autodetect):
    job_id, auth = refused_autodetect
    response = read(client, job_id, auth, AUTODETECT)
    body = validate_response(response)
    assert body["status"] == "finished" and body["error_code"] == "CONNECTION_REFUSED", body
    assert "detected_platform" in body and body["detected_platform"] is None, body
    # The 2.7 body is not a 2.6 response: the new field would leak.
    with pytest.raises(ContractViolation, match="detected_platform"):
        validate_response(response, microversion=PLATFORMS)


@pytest.mark.parametrize("microversion", ["2.0", "2.1", PLATFORMS])
def test_detected_platform_is_not_sent_before_2_7(client, refused_autodetect, microversion):
    job_id, auth = refused_autodetect
    body = validate_response(read(client, job_id, auth, microversion))
    assert "detected_platform" not in body, body


def test_v1_result_of_an_autodetect_job_keeps_the_v1_shape(client, refused_autodetect):
    job_id, auth = refused_autodetect
    response = client.job(job_id, auth, "/v1/send_command")
    assert response.status_code == 200, response.text
    body = validate_response(response)
    assert "detected_platform" not in body and body["error_code"] == "CONNECTION_REFUSED", body
