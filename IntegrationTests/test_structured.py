"""Structured output through the real binary over HTTPS: jobs whose command
output is parsed with TextFSM, against the simulator and fake-switches.

Python is the oracle: the records of a structured job must equal what
`ntc_templates.parse.parse_output` gives for the raw output of the same
command (read through the plain result route, and fetched again by a plain
send-command job on the same device); an inline template's records must
equal what Python `textfsm` gives with that template.
"""
import io
from pathlib import Path

import ntc_templates
import pytest
import textfsm
from ntc_templates.parse import parse_output

from harness.contract import validate_response
from sim_fixtures import simulated_platforms, simulator  # noqa: F401  (fixture)
from test_simulator_netmiko import PROFILES
from test_simulator_templates import CHECKS, NTC_PLATFORM

NTC_TEMPLATES = Path(ntc_templates.__file__).parent / "templates"
LATEST = {"NAAS-API-Version": "latest"}
AT_28 = {"NAAS-API-Version": "2.8"}
STRUCTURED = "/v2/send-command-structured"
PLAIN = "/v2/send-command"
V1_STRUCTURED = "/v1/send_command_structured"

# A template of our own for `show version` on IOS, and ones that break in each way.
VERSION_TEMPLATE = "Value VERSION (\\S+)\nValue UPTIME (.+)\n\nStart\n" \
                   "  ^.*Software.*Version ${VERSION},\n  ^\\S+ uptime is ${UPTIME} -> Record\n"
UNCOMPILABLE_TEMPLATE = "Value VERSION (\\S+)\n\nStart\n  ^Version ${NOT_A_VALUE} -> Record\n"
ERROR_TEMPLATE = "Value LINE (.+)\n\nStart\n  ^${LINE} -> Error\n"

PARSED_PLATFORMS = [p for p in simulated_platforms() if p in PROFILES and CHECKS.get(p)]


@pytest.fixture(scope="module")
def server(module_fleet):
    """ntc-templates named explicitly, as an operator would."""
    return module_fleet(workers=4, args=["--templates-dir", NTC_TEMPLATES])


@pytest.fixture(scope="module")
def http(server):
    return server.client()


def sim_body(device, **fields):
    body = {"host": device.host, "port": device.port, "platform": device.platform,
            "enable": device.enable_secret}
    body.update(fields)
    return body


def sim_auth(device):
    return (device.username, device.password)


def run(http, path, body, auth, headers=LATEST, timeout=60):
    """Submit on `path`, wait for the end through the same route; the validated result."""
    response = http.submit(path, body, auth, headers)
    assert response.status_code == 202, (response.status_code, response.text)
    validate_response(response)
    job_id = response.json()["job_id"]
    job = read(http, path, job_id, auth, headers, until_ended=True, timeout=timeout)
    assert job["status"] == "finished" and job["error"] is None, job
    return job


def read(http, path, job_id, auth, headers=LATEST, until_ended=False, timeout=60):
    import time
    deadline = time.monotonic() + timeout
    while True:
        response = http.request("GET", f"{path}/{job_id}", auth=auth, headers=headers)
        assert response.status_code == 200, response.text
        job = validate_response(response)
        if not until_ended or job["status"] in ("finished", "failed", "canceled"):
            return job
        assert time.monotonic() < deadline, f"job {job_id} still {job['status']}"
        time.sleep(0.05)


def raw_outputs(http, job, auth):
    """The structured job's own raw output, per command, through the plain route."""
    return read(http, PLAIN, job["job_id"], auth)["results"]


def oracle(platform, command, raw):
    """What Netmiko's use_textfsm returns: parse_output's records, else the raw string."""
    try:
        records = parse_output(platform=platform, command=command, data=raw)
    except Exception:  # no template: ntc-templates' ParsingException
        return raw
    return records or raw


def python_textfsm(template, raw):
    """Python TextFSM's records for an inline template, keyed in lower case as ntc-templates keys them."""
    fsm = textfsm.TextFSM(io.StringIO(template))
    header = [name.lower() for name in fsm.header]
    return [dict(zip(header, row)) for row in fsm.ParseText(raw)]


# --- ntc-templates on the simulator and fake-switches ------------------------------------

@pytest.mark.parametrize("platform", PARSED_PLATFORMS)
def test_simulated_records_equal_parse_output(http, simulator, platform):
    device = simulator[platform]
    commands = [command for command, _ in CHECKS[platform]]
    ntc_name = NTC_PLATFORM.get(platform, platform)
    job = run(http, STRUCTURED, sim_body(device, commands=commands), sim_auth(device))
    assert job["parse_errors"] == {}, job["parse_errors"]
    raw = raw_outputs(http, job, sim_auth(device))
    plain = run(http, PLAIN, sim_body(device, commands=commands), sim_auth(device))["results"]
    for command in commands:
        expected = parse_output(platform=ntc_name, command=command, data=raw[command])
        assert expected, f"{platform} {command!r}: ntc-templates finds no record in\n{raw[command]}"
        assert job["results"][command] == expected, command
        # A plain job on the same device reads what the structured one parsed.
        assert job["results"][command] == oracle(ntc_name, command, plain[command]), command


def test_fake_switch_show_version_and_vlans(http, sw_enabled):
    # fake-switches ends the session on `show ip interface brief`, so its VLAN table stands in for a table command.
    commands = ["show version", "show vlan"]
    job = run(http, STRUCTURED, sw_enabled.body(commands=commands), sw_enabled.auth)
    plain = run(http, PLAIN, sw_enabled.body(commands=commands), sw_enabled.auth)["results"]
    raw = raw_outputs(http, job, sw_enabled.auth)
    for command in commands:
        assert raw[command] == plain[command], command
        assert job["results"][command] == oracle("cisco_ios", command, plain[command]), command
    assert isinstance(job["results"]["show version"], list), job["results"]
    assert isinstance(job["results"]["show vlan"], list), job["results"]
    assert job["parse_errors"] == {}


def test_a_command_without_a_template_keeps_its_raw_output(http, simulator):
    device = simulator["cisco_ios"]
    job = run(http, STRUCTURED, sim_body(device, commands=["show running-config", "show version"]),
              sim_auth(device))
    raw = raw_outputs(http, job, sim_auth(device))
    with pytest.raises(Exception):
        parse_output(platform="cisco_ios", command="show running-config", data=raw["show running-config"])
    assert job["results"]["show running-config"] == raw["show running-config"]
    assert isinstance(job["results"]["show version"], list)
    assert job["parse_errors"] == {}


def test_an_alias_and_a_telnet_name_parse_as_their_platform(http, simulator):
    device = simulator["cisco_ios"]
    for platform, port in (("cisco_xe", device.port), ("cisco_ios_telnet", device.telnet_port)):
        job = run(http, STRUCTURED, sim_body(device, platform=platform, port=port,
                                             commands=["show version"]), sim_auth(device))
        raw = raw_outputs(http, job, sim_auth(device))["show version"]
        assert job["results"]["show version"] == parse_output(
            platform="cisco_ios", command="show version", data=raw), platform


def test_autodetect_parses_under_the_detected_platform(http, simulator):
    device = simulator["arista_eos"]
    job = run(http, STRUCTURED, sim_body(device, platform="autodetect", commands=["show version"]),
              sim_auth(device))
    assert job["detected_platform"] == "arista_eos", job
    raw = raw_outputs(http, job, sim_auth(device))["show version"]
    assert job["results"]["show version"] == parse_output(platform="arista_eos", command="show version",
                                                          data=raw)


# --- the job's own template ---------------------------------------------------------------

def test_an_inline_template_parses_every_command(http, simulator):
    device = simulator["cisco_ios"]
    job = run(http, STRUCTURED, sim_body(device, commands=["show version"],
                                         textfsm_template=VERSION_TEMPLATE), sim_auth(device))
    raw = raw_outputs(http, job, sim_auth(device))["show version"]
    expected = python_textfsm(VERSION_TEMPLATE, raw)
    assert expected and expected[0]["version"], expected
    assert job["results"]["show version"] == expected


def test_a_template_that_does_not_compile_is_a_422_naming_its_line(http, simulator):
    device = simulator["cisco_ios"]
    body = sim_body(device, commands=["show version"], textfsm_template=UNCOMPILABLE_TEMPLATE)
    with pytest.raises(textfsm.TextFSMTemplateError):
        textfsm.TextFSM(io.StringIO(UNCOMPILABLE_TEMPLATE))
    response = http.submit(STRUCTURED, body, sim_auth(device), LATEST)
    assert response.status_code == 422, response.text
    problem = validate_response(response)
    [error] = problem["errors"]
    assert error["loc"] == ["textfsm_template"], problem
    assert "line 4" in error["msg"] and "NOT_A_VALUE" in error["msg"], error
    v1 = http.submit(V1_STRUCTURED, body, sim_auth(device))
    assert v1.status_code == 422, v1.text
    assert validate_response(v1)["validation_error"]["json"][0]["loc"] == ["textfsm_template"]


def test_ttp_is_refused_on_v2(http, simulator):
    device = simulator["cisco_ios"]
    response = http.submit(STRUCTURED, sim_body(device, commands=["show version"],
                                                ttp_template="<group>{{ x }}</group>"),
                           sim_auth(device), LATEST)
    assert response.status_code == 422, response.text
    assert [e["loc"] for e in validate_response(response)["errors"]] == [["ttp_template"]]


def test_an_error_action_leaves_raw_output_and_a_parse_error(http, simulator):
    device = simulator["cisco_ios"]
    job = run(http, STRUCTURED, sim_body(device, commands=["show version", "show clock"],
                                         textfsm_template=ERROR_TEMPLATE), sim_auth(device))
    raw = raw_outputs(http, job, sim_auth(device))
    assert job["status"] == "finished" and job["error_code"] is None, job
    assert job["results"] == raw
    assert set(job["parse_errors"]) == {"show version", "show clock"}, job["parse_errors"]
    for command, message in job["parse_errors"].items():
        with pytest.raises(textfsm.TextFSMError) as python:
            textfsm.TextFSM(io.StringIO(ERROR_TEMPLATE)).ParseText(raw[command])
        assert message == str(python.value), command


# --- v1, microversions, the template list ---------------------------------------------------

def test_v1_route_for_a_v1_client(http, sw_enabled):
    job = run(http, V1_STRUCTURED, sw_enabled.body(commands=["show version"]), sw_enabled.auth,
              headers=None)
    assert "parse_errors" not in job and job["app"] == "naas", job
    raw = read(http, "/v1/send_command", job["job_id"], sw_enabled.auth, headers=None)["results"]
    assert job["results"]["show version"] == oracle("cisco_ios", "show version", raw["show version"])
    # v1 keeps its leniency: NAAS's ttp_template is ignored like any field v1 does not know.
    lenient = http.submit(V1_STRUCTURED, sw_enabled.body(commands=["show version"], ttp_template="x"),
                          sw_enabled.auth)
    assert lenient.status_code == 202, lenient.text


def test_below_28_the_routes_do_not_exist(http, sw_enabled):
    response = http.submit(STRUCTURED, sw_enabled.body(commands=["show version"]), sw_enabled.auth,
                           {"NAAS-API-Version": "2.7"})
    assert response.status_code == 404, response.text
    assert response.headers["NAAS-API-Version"] == "2.7"
    listing = http.request("GET", "/v2/templates", auth=sw_enabled.auth, params={"platform": "cisco_ios"},
                           headers={"NAAS-API-Version": "2.7"})
    assert listing.status_code == 404, listing.text
    # Without a header a client gets 2.0, where the routes do not exist either.
    assert http.submit(STRUCTURED, sw_enabled.body(commands=["show version"]), sw_enabled.auth).status_code == 404


def index_rows(platform):
    """ntc-templates' index rows (template, command) whose Platform pattern matches `platform`."""
    import re
    rows = []
    for line in (NTC_TEMPLATES / "index").read_text().splitlines():
        if not line.strip() or line.startswith("#") or "," not in line:
            continue
        fields = [field.strip() for field in line.split(",")]
        if fields[0] == "Template":
            continue
        if re.match(fields[2], platform):
            rows.append((fields[0], fields[3]))
    return rows


def test_the_template_list_of_a_platform(http, sw_enabled):
    response = http.request("GET", "/v2/templates", auth=sw_enabled.auth, params={"platform": "cisco_ios"},
                            headers=AT_28)
    assert response.status_code == 200, response.text
    body = validate_response(response)
    assert body["platform"] == "cisco_ios"
    entries = {entry["command"]: entry for entry in body["templates"]}
    assert entries["show version"]["abbreviation"] == "sh[[ow]] ver[[sion]]"
    assert entries["show version"]["templates"] == ["cisco_ios_show_version.textfsm"]
    assert [e["abbreviation"] for e in body["templates"]] == [command for _, command in index_rows("cisco_ios")]
    # An alias lists its platform's templates; a platform ntc-templates lacks lists none.
    alias = http.request("GET", "/v2/templates", auth=sw_enabled.auth, params={"platform": "cisco_xe"},
                         headers=AT_28)
    assert validate_response(alias)["templates"] == body["templates"]
    huawei = validate_response(http.request("GET", "/v2/templates", auth=sw_enabled.auth,
                                            params={"platform": "huawei"}, headers=AT_28))
    assert len(huawei["templates"]) == len(index_rows("huawei_vrp")) > 0
    none = validate_response(http.request("GET", "/v2/templates", auth=sw_enabled.auth,
                                          params={"platform": "dell_os10"}, headers=AT_28))
    assert none["templates"] == []


@pytest.mark.parametrize("params", [{}, {"platform": "cisco_wlc"}, {"platform": "autodetect"}])
def test_the_template_list_needs_a_platform_name(http, sw_enabled, params):
    response = http.request("GET", "/v2/templates", auth=sw_enabled.auth, params=params, headers=AT_28)
    assert response.status_code == 422, response.text
    assert [e["loc"] for e in validate_response(response)["errors"]] == [["platform"]]


# --- a server without templates ---------------------------------------------------------------

def test_a_server_without_templates_warns_once_and_refuses_only_what_needs_them(
        naas_factory, tmp_path, simulator, sw_enabled):
    empty = tmp_path / "no-templates"
    empty.mkdir()
    server = naas_factory(workers=2, args=["--templates-dir", empty])
    http = server.client()
    warnings = [r for r in server.log_records()
                if r["level"] == "WARNING" and "ntc-templates" in r["message"]]
    assert len(warnings) == 1, warnings
    [warning] = warnings
    assert str(empty) in warning["message"] and "pip install ntc-templates==9.2.0" in warning["message"]
    assert "--templates-dir" in warning["message"], warning

    device = simulator["cisco_ios"]
    refused = http.submit(STRUCTURED, sim_body(device, commands=["show version"]), sim_auth(device), LATEST)
    assert refused.status_code == 503, refused.text
    problem = validate_response(refused)
    assert problem["type"] == "/problems/structured-output-unavailable", problem
    assert "textfsm_template" in problem["detail"] and str(empty) in problem["detail"], problem
    assert "Retry-After" not in refused.headers
    v1 = http.submit(V1_STRUCTURED, sim_body(device, commands=["show version"]), sim_auth(device))
    assert v1.status_code == 503, v1.text
    validate_response(v1)
    listing = http.request("GET", "/v2/templates", auth=sim_auth(device), params={"platform": "cisco_ios"},
                           headers=LATEST)
    assert listing.status_code == 503, listing.text
    validate_response(listing)

    job = run(http, STRUCTURED, sim_body(device, commands=["show version"],
                                         textfsm_template=VERSION_TEMPLATE), sim_auth(device))
    raw = raw_outputs(http, job, sim_auth(device))["show version"]
    assert job["results"]["show version"] == python_textfsm(VERSION_TEMPLATE, raw)
    # Plain jobs never needed templates.
    assert run(http, PLAIN, sw_enabled.body(commands=["show version"]), sw_enabled.auth)["results"]
