"""Every simulated platform through the real binary over HTTPS: show, config,
commit, save, a rejected line, a wrong enable secret, autodetect. The device
side is checked in the simulator's event record, and show output is compared
with what Netmiko returns for the same command on the same device."""
import re
import secrets
import time

import pytest

from sim_fixtures import simulated_platforms, simulator  # noqa: F401  (fixture)
from test_simulator_netmiko import AUTODETECT, PAGER_ARTEFACTS, PROFILES, connect

PLATFORMS = [p for p in simulated_platforms() if p in PROFILES]
V2_LATEST = {"NAAS-API-Version": "latest"}


def body(device, **fields):
    request = {"host": device.host, "port": device.port, "platform": device.platform,
               "enable": device.enable_secret}
    request.update(fields)
    return request


def auth(device):
    return (device.username, device.password)


def finished(job):
    assert job["status"] == "finished", job
    assert job["error"] is None and job["error_code"] is None, job
    return job["results"]


def show(client, device, *commands, timeout=60):
    return finished(client.run("/v1/send_command", body(device, commands=list(commands)), auth(device), timeout=timeout))


def configure(client, device, lines, timeout=60, **fields):
    return client.run("/v1/send_config", body(device, config=lines, **fields), auth(device), timeout=timeout)


def wait_v2(client, job_id, credentials, timeout=30):
    """Polls a v2 result at the newest microversion until the job ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.request("GET", f"/v2/send-command/{job_id}", auth=credentials, headers=V2_LATEST).json()
        if job["status"] in ("finished", "failed", "canceled"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not end within {timeout}s")


def with_marker(profile):
    """The profile's config lines with a marker of this test's own, so runs never see each other's lines."""
    token = re.search(r"sim-[\w-]+", profile["marker"]).group(0)
    marker = f"naas-{secrets.token_hex(3)}"
    return [line.replace(token, marker) for line in profile["config"]], marker


def netmiko_outputs(simulator, platform, commands):
    connection = connect(simulator, platform)
    try:
        if PROFILES[platform].get("enable"):
            connection.enable()
        return {command: connection.send_command(command, read_timeout=30) for command in commands}
    finally:
        connection.disconnect()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_show_commands_match_netmiko(client, simulator, platform):
    profile = PROFILES[platform]
    device = simulator[platform]
    commands = [profile["version"], profile["long"]]
    ours = show(client, device, *commands)

    assert re.search(profile["version_re"], ours[profile["version"]])
    assert len(ours[profile["long"]].splitlines()) >= 200
    for output in ours.values():
        assert not PAGER_ARTEFACTS.search(output)
        assert "\x1b" not in output
    theirs = netmiko_outputs(simulator, platform, commands)
    for command in commands:
        assert ours[command].strip() == theirs[command].strip(), command


@pytest.mark.parametrize("platform", PLATFORMS)
def test_config_job_shows_in_the_running_config(client, simulator, platform):
    profile = PROFILES[platform]
    device = simulator[platform]
    lines, marker = with_marker(profile)
    commits_before = len(simulator.events(device.name, "commit"))

    if profile.get("commit"):
        # Without commit: true a staged platform keeps its running config.
        job = configure(client, device, lines)
        assert job["status"] == "finished" and job["error"] is None, job
        assert marker not in show(client, device, profile["show"])[profile["show"]]
        assert len(simulator.events(device.name, "commit")) == commits_before

    job = configure(client, device, lines, commit=bool(profile.get("commit")))
    assert job["status"] == "finished" and job["error"] is None, job
    assert marker in show(client, device, profile["show"])[profile["show"]]
    if profile.get("commit"):
        assert len(simulator.events(device.name, "commit")) == commits_before + 1


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if PROFILES[p].get("save")])
def test_save_is_recorded_by_the_device(client, simulator, platform):
    profile = PROFILES[platform]
    device = simulator[platform]
    saves_before = len(simulator.events(device.name, "save"))
    lines, _ = with_marker(profile)
    job = configure(client, device, lines, save_config=True, commit=bool(profile.get("commit")))
    assert job["status"] == "finished" and job["error"] is None, job
    assert len(simulator.events(device.name, "save")) == saves_before + 1


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_rejected_line_stops_the_job(client, simulator, platform):
    profile = PROFILES[platform]
    device = simulator[platform]
    after = f"{profile['config'][-1]} {secrets.token_hex(2)}"
    # The invalid line comes first, where the profile's error text applies (FortiOS words it
    # differently inside a `config` block).
    job = configure(client, device, [profile["invalid"], after])

    assert job["status"] == "finished", job
    assert job["error_code"] == "CONFIG_REJECTED", job
    assert profile["invalid"] in job["error"]
    assert profile["error"].split()[0] in job["error"]
    sent = [event["line"] for event in simulator.events(device.name, "config")]
    assert profile["invalid"] in sent
    assert after not in sent


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if PROFILES[p].get("enable")])
def test_a_wrong_enable_secret_is_a_clear_error(client, simulator, platform):
    device = simulator[platform]
    job = client.run("/v1/send_command", body(device, commands=[PROFILES[platform]["version"]], enable="wrong-en-9"),
                     auth(device))
    assert job["status"] == "finished", job
    assert job["error_code"] == "AUTH_FAILURE", job
    assert "enable" in job["error"]
    assert "wrong-en-9" not in job["error"]


# Netmiko's SSHDetect cannot log in to a PowerConnect (its login is in-band); NAAS's autodetect can.
DETECTABLE = {**AUTODETECT, "dell_powerconnect": "dell_powerconnect"}


@pytest.mark.parametrize("platform", [p for p in DETECTABLE if p in simulated_platforms()])
def test_autodetect_finds_the_platform(client, simulator, platform):
    device = simulator[platform]
    started = time.monotonic()
    request = body(device, platform="autodetect", commands=[PROFILES.get(platform, {}).get("version", "show version")])
    response = client.submit("/v2/send-command", request, auth(device), headers=V2_LATEST)
    assert response.status_code == 202, response.text
    job = wait_v2(client, response.json()["job_id"], auth(device))
    elapsed = time.monotonic() - started

    assert job["status"] == "finished" and job["error"] is None, job
    assert job["detected_platform"] == DETECTABLE[platform], job
    # Netmiko's SSHDetect spends ~7 s per probe command; reading to the prompt takes far less.
    assert elapsed < 5, elapsed


def test_telnet_to_the_simulator(client, simulator):
    device = simulator["cisco_ios"]
    request = body(device, platform="cisco_ios_telnet", port=device.telnet_port, commands=["show version"])
    results = finished(client.run("/v1/send_command", request, auth(device)))
    assert "Cisco IOS Software" in results["show version"]
    logins = simulator.events(device.name, "login")
    assert any(event.get("transport") == "telnet" for event in logins)


def test_a_wrong_telnet_password_is_an_auth_failure(client, simulator):
    device = simulator["cisco_ios"]
    request = body(device, platform="cisco_ios_telnet", port=device.telnet_port, commands=["show version"])
    job = client.run("/v1/send_command", request, (device.username, "not-the-password"))
    assert job["status"] == "finished", job
    assert job["error_code"] == "AUTH_FAILURE", job
    assert "not-the-password" not in job["error"]
