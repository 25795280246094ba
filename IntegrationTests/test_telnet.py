"""Jobs over Telnet (`<platform>_telnet`, port 23 by default) and the Dell
fake switch as dell_force10, over SSH and Telnet: the same session code above
either transport."""
import pytest

from harness.output import assert_clean, lines
from peers.switches import TELNET


def run(client, device, path="/v1/send_command", **fields):
    job = client.run(path, device.body(**fields), device.auth)
    assert job["status"] == "finished", job
    assert job["error"] is None and job["error_code"] is None, job
    return job["results"]


def prompts(device):
    return (f"{device.name}>", f"{device.name}#", f"{device.name}(config")


@pytest.mark.parametrize("name", ["sw-user", "sw-enabled", "sw-2960"])
def test_show_version_over_telnet(client, fake_switches, name):
    device = fake_switches[name + TELNET]
    assert device.platform == "cisco_ios_telnet"
    output = run(client, device, commands=["show version"])["show version"]

    assert "Cisco IOS Software" in output
    assert f"{name} uptime is" in output
    assert_clean(output, "show version", prompts(device))


def test_telnet_and_ssh_outputs_are_the_same(client, fake_switches):
    ssh = run(client, fake_switches["sw-enabled"], commands=["show running-config"])
    telnet = run(client, fake_switches["sw-enabled" + TELNET], commands=["show running-config"])
    assert telnet == ssh


def test_config_over_telnet_shows_in_the_running_config(client, fake_switches):
    device = fake_switches["sw-user" + TELNET]
    transcript = run(client, device, path="/v1/send_config",
                     config=["vlan 3301", "name telnet-made"])["config_set_output"]
    assert "vlan 3301" in transcript

    running = run(client, fake_switches["sw-user"], commands=["show running-config"])["show running-config"]
    assert "vlan 3301" in lines(running)
    assert "name telnet-made" in lines(running)


def test_telnet_defaults_to_port_23(idle_client, fake_switches):
    device = fake_switches["sw-user" + TELNET]
    body = device.body(commands=["show version"])
    del body["port"]
    response = idle_client.submit("/v2/send-command", body, device.auth)
    assert response.status_code == 202, response.text
    job = idle_client.job(response.json()["job_id"], device.auth, "/v2/send-command").json()
    assert job["status"] == "queued"


def test_a_closed_telnet_port_is_connection_refused(client, closed_target):
    body = closed_target.body(platform="cisco_ios_telnet", commands=["show version"])
    job = client.run("/v1/send_command", body, closed_target.auth)
    assert job["status"] == "finished"
    assert job["error_code"] == "CONNECTION_REFUSED", job
    assert f":{closed_target.port}" in job["error"]


@pytest.mark.parametrize("transport", ["", TELNET])
def test_dell_as_dell_force10(client, fake_switches, transport):
    device = fake_switches["dell" + transport]
    results = run(client, device, commands=["show running-config", "show vlan"])

    assert "PowerConnect" in results["show running-config"]
    assert "VLAN" in results["show vlan"]
    for command, output in results.items():
        assert_clean(output, command, prompts(device))


def test_dell_config_job(client, fake_switches):
    device = fake_switches["dell"]
    run(client, device, path="/v1/send_config", config=["vlan database", "vlan 2417", "exit"])
    vlans = run(client, device, commands=["show vlan"])["show vlan"]
    assert any(line.startswith("2417") for line in lines(vlans)), vlans


def test_dell_wrong_enable_secret_is_a_clear_error(client, fake_switches):
    device = fake_switches["dell"]
    body = device.body(commands=["show vlan"], enable="not-the-secret")
    job = client.run("/v1/send_command", body, device.auth)
    assert job["status"] == "finished"
    assert job["error_code"] == "AUTH_FAILURE", job
    assert "enable" in job["error"]
    assert "not-the-secret" not in job["error"]
