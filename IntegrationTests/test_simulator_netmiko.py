"""naas-sim judged by Netmiko: every simulated platform driven with its own device_type.

Each platform gets one connection that runs the whole flow (version, long output,
config, commit, save, invalid line), because Netmiko's session preparation costs
seconds per connection. Autodetect runs for all detectable platforms at once.
"""
import concurrent.futures
import re
import time

import pytest
from netmiko import ConnectHandler
from netmiko.exceptions import ConfigInvalidException
from netmiko.ssh_autodetect import SSHDetect

from sim_fixtures import simulated_platforms, simulator  # noqa: F401  (fixture)

PAGER_ARTEFACTS = re.compile(r"--More--|---- More ----|---\(more|--More|lines \d+-\d+|Press any key", re.I)

# device_type -> what Netmiko should see. `config` lines must show up in the output of `show`.
PROFILES = {
    "cisco_ios": dict(
        version="show version", version_re=r"Cisco IOS Software", long="show logging",
        config=["interface GigabitEthernet1/0/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid input detected at '^' marker.",
        save=True, enable=True),
    "arista_eos": dict(
        version="show version", version_re=r"Arista DCS-", long="show logging",
        config=["interface Ethernet7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid input", save=True, enable=True),
    "juniper_junos": dict(
        version="show version", version_re=r"JUNOS OS Kernel", long="show log messages",
        config=["set interfaces et-0/0/1 description sim-test-uplink", "set snmp location sim-lab"],
        marker="sim-test-uplink", show="show configuration", invalid="set bogus line here",
        error="syntax error.", after="set snmp contact sim-after", commit=True, exit_after_commit=True),
    "cisco_nxos": dict(
        version="show version", version_re=r"Cisco Nexus Operating System \(NX-OS\)", long="show logging logfile",
        config=["interface Ethernet1/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid command at '^' marker.",
        save=True, enable=True),
    "cisco_xr": dict(
        version="show version", version_re=r"Cisco IOS XR Software", long="show logging",
        config=["interface TenGigE0/0/0/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid input detected at '^' marker.",
        commit=True, exit_after_commit=True),
    "huawei": dict(
        version="display version", version_re=r"Huawei Versatile Routing Platform Software",
        long="display logbuffer", config=["interface GigabitEthernet0/0/7", "description sim-test-uplink"],
        marker="sim-test-uplink", show="display current-configuration", invalid="bogus line here",
        error="Error: Unrecognized command found at '^' position.", after="sysname sim-after", save=True),
    "hp_comware": dict(
        version="display version", version_re=r"HPE Comware Software", long="display logbuffer",
        config=["interface GigabitEthernet1/0/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="display current-configuration", invalid="bogus line here",
        error="% Unrecognized command found at '^' position.", after="sysname sim-after", save=True),
    "cisco_asa": dict(
        version="show version", version_re=r"Cisco Adaptive Security Appliance Software Version",
        long="show logging", config=["object network sim-test-net", "subnet 192.0.2.0 255.255.255.0"],
        marker="object network sim-test-net", show="show running-config", invalid="bogus line here",
        error="ERROR: % Invalid input detected at '^' marker.", after="nameif sim-after", save=True, enable=True),
    "dell_force10": dict(
        version="show version", version_re=r"Real Time Operating System Software", long="show logging",
        config=["interface TenGigabitEthernet 0/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error='% Error: Invalid input at "^" marker.',
        save=True, enable=True),
    "dell_os10": dict(
        version="show version", version_re=r"Dell EMC Networking OS10.Enterprise", long="show logging log-file",
        config=["interface ethernet1/1/7", "description sim-test-uplink"], marker="sim-test-uplink",
        show="show running-configuration", invalid="bogus line here", error="% Error: Unrecognized command.",
        version_lines=7,
        save=True),
    "dell_powerconnect": dict(
        version="show version", version_re=r"Images currently available on Flash", long="show logging",
        config=["interface ethernet 1/g7", "description 'sim-test-uplink'", "exit"], after="hostname sim-after", marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid input detected at '^' marker.",
        save=True, save_args=dict(confirm=True, confirm_response="y"), enable=True),
    "ubiquiti_edgeswitch": dict(
        version="show version", version_re=r"EdgeSwitch", long="show logging", version_lines=7,
        config=["interface 0/7", "description 'sim-test-uplink'", "exit"], after="hostname sim-after", marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="% Invalid input detected at '^' marker.",
        save=True, enable=True),
    "ruckus_fastiron": dict(
        version="show version", version_re=r"ICX7250", long="show logging",
        config=["interface ethernet 1/1/7", "port-name sim-test-uplink"], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="Invalid input -> bogus line here",
        save=True, enable=True),
    "linux": dict(
        version="hostnamectl", version_re=r"Operating System: Debian GNU/Linux", long="journalctl -b --no-pager",
        config=["ip link set dev eth7 alias sim-test-uplink", "ip link set dev eth7 up"], marker="sim-test-uplink",
        show="sudo cat /root/.bash_history", invalid="bogus line here", error="bogus: command not found",
        enable=True),
    "extreme_exos": dict(
        version="show version", version_re=r"ExtremeXOS version", long="show log", version_lines=7,
        config=['configure ports 7 description-string "sim-test-uplink"', "configure snmp sysLocation sim-lab"],
        marker="sim-test-uplink", show="show configuration", invalid="bogus line here",
        error="%% Invalid input detected at '^' marker.", save=True),
    "hp_procurve": dict(
        version="show version", version_re=r"Image stamp:.*/code/build", long="show logging", version_lines=7,
        config=["interface 7", 'name "sim-test-uplink"'], marker="sim-test-uplink",
        show="show running-config", invalid="bogus line here", error="Invalid input: bogus",
        save=True, enable=True),
    "paloalto_panos": dict(
        version="show system info", version_re=r"model: PA-VM", long="show log system",
        config=["set network interface ethernet ethernet1/7 comment sim-test-uplink",
                "set deviceconfig system snmp-setting snmp-system location sim-lab"],
        marker="sim-test-uplink", show="show config running", invalid="bogus line here",
        error="Unknown command: bogus", commit=True, key_auth=True),
    "fortinet": dict(
        version="get system status", version_re=r"Version: FortiGate-VM64 v7\.4", long="execute log display",
        config=["config system interface", 'edit "port7"', 'set description "sim-test-uplink"', "next", "end"],
        marker="sim-test-uplink", show="show", invalid="bogus line here", error="Unknown action 0",
        # Netmiko allows FortiOS only Diffie-Hellman key exchange unless a kex list is given; this one
        # disables a single old group, so paramiko offers curve25519/ECDH as the server requires.
        connect=dict(disabled_algorithms={"kex": ["diffie-hellman-group1-sha1"]})),
    "vyos": dict(
        version="show version", version_re=r"Version:\s+VyOS 1\.4", long="show log",
        config=["set interfaces ethernet eth1 description 'sim-test-uplink'", "set system location sim-lab"],
        marker="sim-test-uplink", show="show configuration", invalid="bogus line here",
        error="Invalid command: [bogus]", commit=True, exit_after_commit=True, save=True),
    "mikrotik_routeros": dict(
        version="/system resource print", version_re=r"version: 7\.14", long="/log print",
        config=["/interface ethernet set [ find default-name=ether7 ] comment=sim-test-uplink",
                "/snmp set location=sim-lab"],
        marker="sim-test-uplink", show="/export", invalid="bogus line here", error="bad command name bogus"),
}

# Platforms Netmiko's SSHDetect can name (platforms.md 1.4), with what it must return.
# dell_powerconnect is left out: its CLI asks for User Name/Password in-band, which SSHDetect never answers.
AUTODETECT = {
    "cisco_ios": "cisco_ios", "arista_eos": "arista_eos", "juniper_junos": "juniper_junos",
    "cisco_nxos": "cisco_nxos", "cisco_xr": "cisco_xr", "cisco_asa": "cisco_asa", "huawei": "huawei",
    "hp_comware": "hp_comware", "hp_procurve": "hp_procurve", "dell_force10": "dell_force10",
    "dell_os10": "dell_os10", "paloalto_panos": "paloalto_panos",
    "fortinet": "fortinet", "ubiquiti_edgeswitch": "ubiquiti_edgeswitch", "extreme_exos": "extreme_exos",
    "linux": "linux",
}

PLATFORMS = [p for p in simulated_platforms() if p in PROFILES]


def connect(sim, platform, **extra):
    device = sim[platform]
    params = dict(device_type=platform, host=device.host, port=device.port, username=device.username,
                  password=device.password, secret=device.enable_secret, fast_cli=False, conn_timeout=15)
    params.update(PROFILES[platform].get("connect", {}))
    if PROFILES[platform].get("key_auth"):
        params.update(use_keys=True, key_file=sim.key_file, password=None, allow_agent=False)
    params.update(extra)
    return ConnectHandler(**params)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_netmiko_drives_platform(simulator, platform):
    profile = PROFILES[platform]
    name = simulator[platform].name
    conn = connect(simulator, platform)
    try:
        if profile.get("enable"):
            conn.enable()
            assert conn.check_enable_mode()

        version = conn.send_command(profile["version"])
        assert re.search(profile["version_re"], version), version[:500]
        assert len(version.splitlines()) >= profile.get("version_lines", 10)
        assert not PAGER_ARTEFACTS.search(version)

        long_output = conn.send_command(profile["long"], read_timeout=30)
        assert len(long_output.splitlines()) >= 200, long_output[-500:]
        assert not PAGER_ARTEFACTS.search(long_output), "pager artefact in long output"

        conn.send_config_set(profile["config"], **profile.get("config_args", {}))
        if profile.get("commit"):
            before = conn.send_command(profile["show"])
            assert profile["marker"] not in before, "candidate leaked into the running config before commit"
            conn.commit()
            assert simulator.events(name, "commit"), "no commit recorded"
            if profile.get("exit_after_commit"):
                conn.exit_config_mode()
        shown = conn.send_command(profile["show"], read_timeout=30)
        assert profile["marker"] in shown, shown[-1500:]
        assert not PAGER_ARTEFACTS.search(shown)

        if profile.get("save"):
            conn.save_config(**profile.get("save_args", {}))
            assert simulator.events(name, "save"), "no save recorded"

        # A rejected line stops the set: the line after it never reaches the device.
        after = profile.get("after", profile["config"][-1] + " 2")
        with pytest.raises(ConfigInvalidException) as raised:
            conn.send_config_set([profile["invalid"], after], error_pattern=re.escape(profile["error"]),
                                 **profile.get("config_args", {}))
        assert profile["error"] in str(raised.value)
        configs = [e["line"] for e in simulator.events(name, "config")]
        assert profile["invalid"] in configs and after not in configs
    finally:
        conn.disconnect()
    assert wait_for_event(simulator, name, "logout")


def wait_for_event(sim, name, kind, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sim.events(name, kind):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def autodetected(simulator):
    """SSHDetect against every detectable platform at once (each probe costs Netmiko ~7 s)."""
    targets = [p for p in AUTODETECT if p in simulated_platforms()]

    def detect(platform):
        device = simulator[platform]
        params = dict(device_type="autodetect", host=device.host, port=device.port,
                      username=device.username, password=device.password)
        if platform == "paloalto_panos":
            params.update(use_keys=True, key_file=simulator.key_file, allow_agent=False)
        return SSHDetect(**params).autodetect()

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(targets) or 1) as pool:
        futures = {p: pool.submit(detect, p) for p in targets}
        return {p: (f.result() if not f.exception() else repr(f.exception())) for p, f in futures.items()}


@pytest.mark.parametrize("platform", [p for p in AUTODETECT if p in simulated_platforms()])
def test_autodetect_finds_platform(autodetected, platform):
    assert autodetected[platform] == AUTODETECT[platform]


def test_telnet_cisco_ios(simulator):
    device = simulator["cisco_ios"]
    conn = ConnectHandler(device_type="cisco_ios_telnet", host=device.host, port=device.telnet_port,
                          username=device.username, password=device.password, secret=device.enable_secret)
    try:
        conn.enable()
        assert conn.find_prompt().endswith("#")
        assert "Cisco IOS Software" in conn.send_command("show version")
        assert len(conn.send_command("show logging").splitlines()) >= 200
    finally:
        conn.disconnect()
    logins = simulator.events(device.name, "login")
    assert any(e.get("transport") == "telnet" for e in logins)
