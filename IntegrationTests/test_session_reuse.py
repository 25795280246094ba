"""Session reuse, end to end: the real server drives simulated devices, and
the simulator's event log (each event names the session it happened in)
shows which session every line was typed in."""
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from peers.net import free_port
from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME, device_spec

VERSION = {"NAAS-API-Version": "2.14"}
LOGIN = (USERNAME, PASSWORD)


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    specs = [device_spec(name, "cisco_ios") for name in
             ("shared", "logins", "config-left", "opt-out", "idle")]
    # Slow enough that jobs to them overlap, or time out on a short read_timeout.
    specs += [device_spec(name, "cisco_ios", command_latency_ms=400) for name in ("slow", "capped")]
    simulator = Simulator(tmp_path_factory.mktemp("reuse-sim"), specs).start()
    yield simulator
    simulator.stop()


def body(device, commands, **fields):
    sent = {"host": device.host, "port": device.port, "platform": "cisco_ios", "enable": ENABLE_SECRET, **fields}
    if commands is not None:
        sent["commands"] = commands
    return sent


def run(client, device, commands, auth=LOGIN, route="/v2/send-command", **fields):
    """Submits at 2.14 and reads the ended job at 2.14 (`?wait=` answers as it ends)."""
    submitted = client.submit(route, body(device, commands, **fields), auth, headers=VERSION)
    assert submitted.status_code == 202, submitted.text
    job_id = submitted.json()["job_id"]
    for _ in range(3):
        job = client.request("GET", f"{route}/{job_id}", auth=auth, headers=VERSION, params={"wait": 20},
                             timeout=30).json()
        if job["status"] in ("finished", "failed"):
            return job
    raise AssertionError(f"job {job_id} did not end: {job}")


def sessions_typing(sim, name, line):
    """The sessions `line` was typed in, in order."""
    return [event["session"] for event in sim.events(name, "command") if event["line"] == line]


def sessions_metric(client, name, **labels):
    return client.metric(f"naas_device_sessions_{name}", **labels)


def logins(sim, name):
    return [event["session"] for event in sim.events(name, "login")]


def wait_for_logouts(sim, name, count, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [event["session"] for event in sim.events(name, "logout")]
        if len(found) >= count:
            return found
        time.sleep(0.05)
    return [event["session"] for event in sim.events(name, "logout")]


def test_jobs_to_one_device_with_one_login_share_its_session(client, sim):
    device = sim["shared"]
    for _ in range(3):
        job = run(client, device, ["show version"])
        assert job["status"] == "finished" and "Cisco IOS Software" in job["results"]["show version"], job
    # A v1 job with the same login is served by the same session.
    v1 = client.run("/v1/send_command", {"ip": device.host, "port": device.port, "device_type": "cisco_ios",
                                         "commands": ["show clock"], "enable": ENABLE_SECRET}, LOGIN)
    assert v1["status"] == "finished", v1
    assert len(logins(sim, "shared")) == 1
    assert len(set(sessions_typing(sim, "shared", "show version") + sessions_typing(sim, "shared", "show clock"))) == 1


def test_a_session_never_serves_another_login(client, sim):
    device = sim["logins"]
    assert run(client, device, ["show version"])["status"] == "finished"
    owner = logins(sim, "logins")
    # Same username, another password: were the idle session reused, this job would succeed.
    wrong_password = run(client, device, ["show version"], auth=(USERNAME, "not-the-password"))
    assert wrong_password["error_code"] == "AUTH_FAILURE", wrong_password
    wrong_secret = run(client, device, ["show version"], enable="not-the-secret")
    assert wrong_secret["error_code"] == "AUTH_FAILURE", wrong_secret
    assert len(logins(sim, "logins")) == 2, "the wrong enable secret logs in on a session of its own"
    again = run(client, device, ["show version"])
    assert again["status"] == "finished" and not again.get("error_code"), again
    assert set(sessions_typing(sim, "logins", "show version")) == set(owner)


def test_a_session_left_in_configuration_mode_is_not_reused(client, sim):
    device = sim["config-left"]
    left = run(client, device, ["configure terminal"])
    assert left["status"] == "finished", left
    after = run(client, device, ["show version"])
    assert "Cisco IOS Software" in after["results"]["show version"], after
    first, second = logins(sim, "config-left")
    assert sessions_typing(sim, "config-left", "configure terminal") == [first]
    assert sessions_typing(sim, "config-left", "show version") == [second]
    assert first in wait_for_logouts(sim, "config-left", 1)


def test_a_configuration_job_leaves_a_reusable_session(client, sim):
    device = sim["config-left"]
    before = len(logins(sim, "config-left"))
    job = run(client, device, None, route="/v2/send-config",
              config=["interface Loopback7", "description reuse"])
    assert job["status"] == "finished" and not job.get("error_code"), job
    shown = run(client, device, ["show running-config"])
    assert "description reuse" in shown["results"]["show running-config"]
    # The configuration job ran on the idle session the previous test left, and left it at its prompt again.
    configured_in = {event["session"] for event in sim.events("config-left", "config") if event["line"] == "description reuse"}
    assert configured_in == set(sessions_typing(sim, "config-left", "show running-config"))
    assert len(logins(sim, "config-left")) == before


def test_a_session_whose_job_failed_is_closed_not_reused(client, sim):
    device = sim["slow"]
    assert run(client, device, ["show version"])["status"] == "finished"
    [first] = logins(sim, "slow")
    timed_out = run(client, device, ["show version"], read_timeout=0.1)
    assert timed_out["error_code"] == "READ_TIMEOUT", timed_out
    assert first in wait_for_logouts(sim, "slow", 1)
    assert run(client, device, ["show clock"])["status"] == "finished"
    assert first not in sessions_typing(sim, "slow", "show clock")
    # The timed-out command ran on the reused session (the check before reuse answers at once).
    assert sessions_typing(sim, "slow", "show version") == [first, first]


def test_reuse_session_false_gives_the_job_a_session_of_its_own(client, sim):
    device = sim["opt-out"]
    for _ in range(2):
        assert run(client, device, ["show version"], reuse_session=False)["status"] == "finished"
    assert len(logins(sim, "opt-out")) == 2
    assert len(wait_for_logouts(sim, "opt-out", 2)) == 2


def test_reuse_session_is_refused_below_2_14_and_must_be_a_boolean(client, sim):
    device = sim["opt-out"]
    old = client.submit("/v2/send-command", body(device, ["show version"], reuse_session=False), LOGIN,
                        headers={"NAAS-API-Version": "2.13"})
    assert old.status_code == 422, old.text
    assert "reuse_session" in old.text and "2.14" in old.text
    wrong = client.submit("/v2/send-command", body(device, ["show version"], reuse_session="no"), LOGIN, headers=VERSION)
    assert wrong.status_code == 422, wrong.text
    assert "reuse_session" in wrong.text


def test_idle_sessions_close_after_the_idle_timeout(naas_factory, sim):
    server = naas_factory(env={"NAAS_SESSION_IDLE_TIMEOUT": "1"})
    client = server.client()
    device = sim["idle"]
    assert run(client, device, ["show version"])["status"] == "finished"
    [first] = logins(sim, "idle")
    started = time.monotonic()
    assert wait_for_logouts(sim, "idle", 1) == [first]
    assert time.monotonic() - started < 5
    assert run(client, device, ["show version"])["status"] == "finished"
    assert len(logins(sim, "idle")) == 2
    assert sessions_metric(client, "opened_total") == 2
    assert sessions_metric(client, "reused_total") == 0
    assert sessions_metric(client, "discarded_total", reason="idle_timeout") == 1


def test_the_cap_of_idle_sessions_per_device_holds(naas_factory, sim):
    server = naas_factory(workers=8, env={"NAAS_SESSIONS_PER_DEVICE": "2"})
    client = server.client()
    device = sim["capped"]

    def three_at_once():
        # Different commands, so no submission is answered by a duplicate queued job.
        commands = ["show version", "show clock", "show running-config"]
        with ThreadPoolExecutor(3) as pool:
            jobs = list(pool.map(lambda command: run(client, device, [command]), commands))
        assert all(job["status"] == "finished" for job in jobs), jobs

    three_at_once()
    opened = logins(sim, "capped")
    if len(opened) < 3:
        pytest.fail(f"the three jobs did not overlap ({len(opened)} sessions): the cap was not exercised")
    # The third session had no room in the pool and closed as its job ended.
    assert len(wait_for_logouts(sim, "capped", 1)) == 1
    time.sleep(0.5)
    assert len(sim.events("capped", "logout")) == 1
    three_at_once()
    # Two of the next three jobs found an idle session; one opened its own.
    assert len(logins(sim, "capped")) == 4
    assert sessions_metric(client, "opened_total") == 4
    assert sessions_metric(client, "reused_total") == 2
    # Each round's third session found the device's two places in the pool taken.
    assert sessions_metric(client, "discarded_total", reason="device_cap") == 2
    assert sessions_metric(client, "idle") == 2
    assert sessions_metric(client, "active") == 0


def test_a_session_the_device_closed_is_not_reused(naas_factory, tmp_path):
    """The device drops the idle session (here: it restarts); the next job
    fails the check before reuse, logs in again and still succeeds."""
    spec = device_spec("restarted", "cisco_ios", port=free_port())
    device_sim = Simulator(tmp_path / "sim", [spec]).start()
    try:
        server = naas_factory(env={"NAAS_SESSION_IDLE_TIMEOUT": "60"})
        client = server.client()
        device = device_sim["restarted"]
        assert run(client, device, ["show version"])["status"] == "finished"
        assert sessions_metric(client, "idle") == 1
        device_sim.stop()
        device_sim = Simulator(tmp_path / "sim-again", [spec]).start()
        job = run(client, device, ["show clock"])
        assert job["status"] == "finished" and not job.get("error_code"), job
        assert len(logins(device_sim, "restarted")) == 1
        assert sessions_metric(client, "discarded_total", reason="failed_check") == 1
        assert sessions_metric(client, "reused_total") == 0
        assert sessions_metric(client, "opened_total") == 2
    finally:
        device_sim.stop()


def test_an_api_only_server_shows_no_device_sessions(naas_factory):
    client = naas_factory(workers=0).client()
    assert client.metric("naas_device_sessions_opened_total") is None
    assert client.metric("naas_device_sessions_idle") is None
