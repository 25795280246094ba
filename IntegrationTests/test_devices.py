"""Jobs that reach real SSH peers: fake Cisco switches and an OpenSSH server."""
import pytest

from harness.output import assert_clean, lines


def cisco_prompts(device):
    return (f"{device.name}>", f"{device.name}#", f"{device.name}(config")


def run_commands(client, device, commands, **fields):
    job = client.run("/v1/send_command", device.body(commands=commands, **fields), device.auth)
    assert job["status"] == "finished", job
    assert job["error"] is None and job["error_code"] is None, job
    assert set(job["results"]) == set(commands)
    return job["results"]


@pytest.mark.parametrize("name", ["sw-user", "sw-enabled", "sw-2960"])
def test_show_version(client, fake_switches, name):
    device = fake_switches[name]
    output = run_commands(client, device, ["show version"])["show version"]

    assert "Cisco IOS Software" in output
    assert f"{name} uptime is" in output
    assert_clean(output, "show version", cisco_prompts(device))


def test_several_commands_in_one_job(client, sw_user):
    commands = ["show version", "show running-config", "show vlan brief"]
    results = run_commands(client, sw_user, commands)

    assert "Cisco IOS Software" in results["show version"]
    assert "hostname sw-user" in results["show running-config"]
    assert "VLAN Name" in results["show vlan brief"]
    assert "hostname" not in results["show vlan brief"]
    for command in commands:
        assert_clean(results[command], command, cisco_prompts(sw_user))


def test_show_running_config(client, sw_enabled):
    output = run_commands(client, sw_enabled, ["show running-config"])["show running-config"]

    assert lines(output)[0] == "Building configuration..."
    assert "hostname sw-enabled" in lines(output)
    assert lines(output)[-1] == "end"
    assert_clean(output, "show running-config", cisco_prompts(sw_enabled))


def test_command_with_no_output(client, sw_enabled):
    output = run_commands(client, sw_enabled, ["show startup-config"])["show startup-config"]
    assert output.strip() == ""


def test_config_is_applied_and_read_back(client, sw_user):
    job = client.run("/v1/send_config", sw_user.body(config=["vlan 123", "name naas-test"]),
                     sw_user.auth)
    assert job["status"] == "finished", job
    assert job["error_code"] is None
    assert "name naas-test" in job["results"]["config_set_output"]

    running = run_commands(client, sw_user, ["show running-config"])["show running-config"]
    config = lines(running)
    assert "vlan 123" in config
    assert config[config.index("vlan 123") + 1] == "name naas-test"


def test_config_with_save(client, sw_2960):
    body = sw_2960.body(config=["vlan 124", "name saved-by-naas"], save_config=True)
    job = client.run("/v1/send_config", body, sw_2960.auth)

    assert job["status"] == "finished", job
    output = job["results"]["config_set_output"]
    assert "name saved-by-naas" in output
    assert "Building configuration" in output  # the device's answer to the save
    running = run_commands(client, sw_2960, ["show running-config"])["show running-config"]
    assert "name saved-by-naas" in lines(running)


def test_config_via_commands_field(client, sw_enabled):
    job = client.run("/v1/send_config", sw_enabled.body(commands=["vlan 125"]), sw_enabled.auth)
    assert job["status"] == "finished", job
    running = run_commands(client, sw_enabled, ["show running-config"])["show running-config"]
    assert "vlan 125" in lines(running)


def linux_prompts(target):
    return (f"{target.username}@", "$ ")


def test_linux_echo(client, linux_target):
    output = run_commands(client, linux_target, ["echo hello"])["echo hello"]
    assert output.strip() == "hello"
    assert_clean(output, "echo hello", linux_prompts(linux_target))


def test_linux_several_commands(client, linux_target):
    commands = ["uname -s", "printf 'one\\ntwo\\n'", "true", "id -un"]
    results = run_commands(client, linux_target, commands)

    assert results["uname -s"].strip() == "Linux"
    assert lines(results["printf 'one\\ntwo\\n'"]) == ["one", "two"]
    assert results["true"].strip() == ""
    assert results["id -un"].strip() == linux_target.username
    for command in commands:
        assert_clean(results[command], command, linux_prompts(linux_target))
