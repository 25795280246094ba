"""No request a client can fix ever gets a 5xx: a sweep of invalid bodies,
query strings and job ids, after which the server is still healthy.

Every body here is invalid whatever reasonable leniency the server has
(no nulls for optional fields, no numbers a lenient parser could coerce)."""
import pytest

from harness.samples import DROP, command_body, config_body

HUGE = "x" * 200_000
NOT_STRING = [True, 1, 1.5, [], ["a"], {}, {"a": 1}]
NOT_NUMBER = [True, "", "slow", [], [1], {}, {"a": 1}]
NOT_BOOL = ["maybe", [], {}, {"a": 1}]
NOT_LIST = [True, 1, "", "show version", {}, {"a": 1}]

COMMAND_FIELDS = {
    "host": NOT_STRING + [None, "", HUGE, "bad host!", "::zz", "a" * 300],
    "platform": NOT_STRING + ["", "juniper_bogus", HUGE],
    "port": NOT_NUMBER + [0, -22, 65536, 2**64, 1.5],
    "commands": NOT_LIST + [None, [], [""], [" "], [None], [1, 2], [["show version"]],
                            [{"c": 1}]],
    "enable": NOT_STRING,
    "expect_string": NOT_STRING,
    "read_timeout": NOT_NUMBER,
    "conn_timeout": NOT_NUMBER,
}
ALIAS_FIELDS = {  # the deprecated names, used instead of the current ones
    "ip": ("host", NOT_STRING + ["", "not an ip"]),
    "device_type": ("platform", NOT_STRING + ["juniper_bogus"]),
}
CONFIG_FIELDS = {
    "config": NOT_LIST + [None, [], [None], [1], [[]]],
    "save_config": NOT_BOOL,
    "commit": NOT_BOOL,
}
TOP_LEVEL = [[], [command_body()], None, 0, "text", True, HUGE, {"payload": command_body()},
             {"": None}]


def garbage_command_bodies():
    yield from TOP_LEVEL
    for field, values in COMMAND_FIELDS.items():
        for value in values:
            yield command_body(**{field: value})
    for field, (replaces, values) in ALIAS_FIELDS.items():
        for value in values:
            yield command_body(**{replaces: DROP, field: value})


def garbage_config_bodies():
    yield from TOP_LEVEL
    for field, values in CONFIG_FIELDS.items():
        for value in values:
            yield config_body(**{field: value})


@pytest.mark.parametrize("path,bodies", [
    ("/v1/send_command", garbage_command_bodies),
    ("/send_command", garbage_command_bodies),
    ("/v1/send_config", garbage_config_bodies),
])
def test_garbage_bodies_are_rejected_without_5xx(idle_client, naas_idle, caller, path, bodies):
    outcomes = []
    for body in bodies():
        response = idle_client.submit(path, body, caller)
        outcomes.append((response.status_code, repr(body)[:120]))
    assert len(outcomes) > 20
    assert not [o for o in outcomes if o[0] >= 500]
    assert not [o for o in outcomes if o[0] < 300]
    assert not [o for o in outcomes if o[0] not in (400, 413, 422)]
    assert naas_idle.running()


def test_garbage_queries_and_ids_get_no_5xx(idle_client, caller):
    probes = [("GET", "/v1/jobs", {"page": p}) for p in ("-1", "1e3", "99999999999999999999", "")]
    probes += [("GET", "/v1/jobs", {"per_page": p}) for p in ("-5", "x", "100000")]
    probes += [("GET", "/v1/jobs", {"status": s}) for s in ("", "FINISHED;drop", HUGE[:5000])]
    for job_id in ("..", "%00", "not-a-uuid", "0" * 5000, "00000000-0000-0000-0000-00000000000g",
                   "%2e%2e%2f%2e%2e%2fetc%2fpasswd"):
        probes += [("GET", f"/v1/send_command/{job_id}", None),
                   ("GET", f"/v1/send_config/{job_id}", None),
                   ("GET", f"/send_command/{job_id}", None),
                   ("DELETE", f"/v1/jobs/{job_id}", None)]
    failures = []
    for method, path, params in probes:
        response = idle_client.request(method, path, auth=caller, params=params)
        if response.status_code >= 500:
            failures.append((method, path[:80], params, response.status_code))
    assert not failures, failures
    assert idle_client.health().status_code == 200
