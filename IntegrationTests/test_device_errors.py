"""Device-side failures: the job ends `finished` with no results, a human
error and a machine error_code, within the timeout the client asked for."""
import time

from harness.jobs import assert_failed_with, run_seconds

WRONG_PASSWORD = "naas-wrong-pw-99"


def timed_run(client, target, path="/v1/send_command", **fields):
    if path.endswith("send_command"):
        fields.setdefault("commands", ["show version"])
    body = target.body(**fields)
    began = time.monotonic()
    job = client.run(path, body, target.auth, timeout=60)
    return job, time.monotonic() - began


def test_wrong_password_is_auth_failure(client, sw_enabled):
    job, _ = timed_run(client, sw_enabled.with_password(WRONG_PASSWORD))
    assert_failed_with(job, "AUTH_FAILURE")
    assert WRONG_PASSWORD not in job["error"]


def test_closed_port_is_connection_refused_quickly(client, closed_target):
    job, elapsed = timed_run(client, closed_target)
    assert_failed_with(job, "CONNECTION_REFUSED")
    assert elapsed < 3, elapsed


def test_silent_port_is_connection_timeout(client, blackhole_target):
    job, elapsed = timed_run(client, blackhole_target, conn_timeout=2)
    assert_failed_with(job, "CONNECTION_TIMEOUT")
    assert 1.5 <= run_seconds(job) <= 3, job
    assert elapsed < 10, elapsed


def test_no_prompt_is_read_timeout_and_frees_the_worker(naas_factory, no_prompt_target,
                                                        sw_enabled):
    server = naas_factory(workers=1)
    client = server.client()

    job, elapsed = timed_run(client, no_prompt_target, commands=["echo never"], read_timeout=2)
    assert_failed_with(job, "READ_TIMEOUT")
    assert 1.5 <= run_seconds(job) <= 3, job
    assert elapsed < 10, elapsed

    after = client.run("/v1/send_command", sw_enabled.body(commands=["show version"]),
                       sw_enabled.auth, timeout=15)
    assert after["status"] == "finished" and after["error_code"] is None, after
    workers = client.health().json()["components"]["workers"]
    assert (workers["count"], workers["active_jobs"]) == (1, 0)


def test_invalid_config_line_is_config_rejected(client, sw_enabled):
    job, _ = timed_run(client, sw_enabled, path="/v1/send_config",
                       config=["interface FastEthernet0/99"])
    assert_failed_with(job, "CONFIG_REJECTED")
    assert "FastEthernet0/99" in job["error"] or "invalid input" in job["error"].lower()
