"""Devices that misbehave, simulated: each fault ends the job with the error
code a network engineer can act on, never a hung worker. And latency knobs:
a slow device is waited for, within the job's timeouts."""
import time

import pytest

from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME

FAULTS = {
    "dropper": {"fault": "drop_mid_output", "output_lines": 400},
    "hanger": {"fault": "hang"},
    "refuser": {"fault": "reject_auth"},
    "slow-banner": {"fault": "slow_banner", "login_latency_ms": 1500},
    "slow-commands": {"command_latency_ms": 300},
}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    specs = [{"name": name, "platform": "cisco_ios", "port": 0, "username": USERNAME, "password": PASSWORD,
              "enable_secret": ENABLE_SECRET, **knobs} for name, knobs in FAULTS.items()]
    sim = Simulator(tmp_path_factory.mktemp("faulty-sim"), specs).start()
    yield sim
    sim.stop()


def job(client, device, commands, **fields):
    body = {"host": device.host, "port": device.port, "platform": "cisco_ios", "enable": ENABLE_SECRET,
            "commands": commands, **fields}
    return client.run("/v1/send_command", body, (USERNAME, PASSWORD), timeout=60)


def test_a_connection_dropped_mid_output_is_an_ssh_error(client, faulty):
    result = job(client, faulty["dropper"], ["show logging"])
    assert result["status"] == "finished", result
    assert result["error_code"] == "SSH_ERROR", result
    assert "closed" in result["error"]


def test_a_device_that_stops_answering_is_a_read_timeout(client, faulty):
    started = time.monotonic()
    result = job(client, faulty["hanger"], ["show version"], read_timeout=2)
    assert result["status"] == "finished", result
    assert result["error_code"] == "READ_TIMEOUT", result
    assert time.monotonic() - started < 20


def test_a_refused_login_is_an_auth_failure(client, faulty):
    result = job(client, faulty["refuser"], ["show version"])
    assert result["status"] == "finished", result
    assert result["error_code"] == "AUTH_FAILURE", result
    assert PASSWORD not in result["error"]


def test_a_slow_banner_is_waited_for(client, faulty):
    result = job(client, faulty["slow-banner"], ["show version"])
    assert result["error"] is None, result
    assert "Cisco IOS Software" in result["results"]["show version"]


def test_a_slow_device_is_waited_for_and_each_command_takes_its_time(client, faulty):
    started = time.monotonic()
    result = job(client, faulty["slow-commands"], ["show version", "show clock"])
    elapsed = time.monotonic() - started
    assert result["error"] is None, result
    assert "UTC" in result["results"]["show clock"]
    # enable, its secret, two set-up commands and two commands, each answered after 300 ms.
    assert elapsed >= 1.5, elapsed
