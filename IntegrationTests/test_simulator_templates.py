"""naas-sim output judged by ntc-templates: what Netmiko reads from each simulated platform,
parsed by Python `ntc_templates.parse.parse_output`, must give records whose key fields are filled.

The templates were written from real devices, so this is a realism check on the simulator: a
version command (where ntc-templates has one for the platform) and a table command per platform.
One Netmiko connection per platform runs all of its commands (session preparation costs seconds).
"""
import re
from pathlib import Path

import ntc_templates
import pytest
from ntc_templates.parse import parse_output

from sim_fixtures import simulated_platforms, simulator  # noqa: F401  (fixture)
from test_simulator_netmiko import PROFILES, connect

# Netmiko device_type -> the platform name ntc-templates' index knows it by.
NTC_PLATFORM = {"huawei": "huawei_vrp"}

# device_type -> [(command, key fields)]. Every key field must be non-empty in at least one record,
# and the first key field (the row's identity) in every record.
CHECKS = {
    "cisco_ios": [("show version", ["hostname", "version", "uptime", "serial", "hardware"]),
                  ("show ip interface brief", ["interface", "ip_address", "status", "proto"])],
    "arista_eos": [("show version", ["model", "image", "serial_number", "uptime"]),
                   ("show interfaces status", ["port", "status", "vlan_id"])],
    "cisco_nxos": [("show version", ["hostname", "os", "uptime", "serial", "platform"]),
                   ("show interface status", ["port", "status", "vlan_id", "speed"])],
    "cisco_xr": [("show version", ["version", "uptime", "hardware"]),
                 ("show ip interface brief", ["interface", "ip_address", "status", "proto"])],
    "cisco_asa": [("show version", ["hostname", "version", "uptime", "serial", "hardware"]),
                  ("show interface ip brief", ["interface", "ip_address", "status", "proto"])],
    "juniper_junos": [("show version", ["hostname", "model", "junos_version"]),
                      ("show arp no-resolve", ["mac_address", "ip_address", "interface"])],
    # ntc-templates' `show version` for this platform is ArubaOS's (an access point), not a switch's:
    # `show system` carries the switch's version, serial and uptime.
    "hp_procurve": [("show system", ["name", "software_version", "serial", "uptime"]),
                    ("show interfaces brief", ["port", "status", "mode"])],
    # No `display version` template for Comware: the manufacturing info carries the serial.
    "hp_comware": [("display device manuinfo", ["device_name", "device_serial_number"]),
                   ("display interface brief", ["interface", "link"])],
    "huawei": [("display version", ["vrp_version", "product_version", "model", "uptime"]),
               ("display interface brief", ["interface", "phy", "protocol"])],
    "dell_force10": [("show version", ["os_version", "uptime", "device_type"]),
                     ("show ip interface brief", ["interface", "ip_address", "status"])],
    # ntc-templates has no template at all for OS10.
    "dell_os10": [],
    "dell_powerconnect": [("show interfaces description", ["interface", "description"])],
    "paloalto_panos": [("show system info", ["hostname", "model", "serial", "os", "uptime"]),
                       ("show interface all", ["interface", "id", "mac_address"])],
    "fortinet": [("get system status", ["hostname", "version", "serial_number"]),
                 ("get system arp", ["ip_address", "mac_address", "interface"])],
    "mikrotik_routeros": [("/system resource print", ["uptime", "version", "board_name", "build_time"]),
                          ("/ip address print", ["ip", "network", "interface"])],
    "vyos": [("show interfaces", ["interface", "ip_address", "status"])],
    "ubiquiti_edgeswitch": [("show version", ["version", "switch_model", "serial"]),
                            ("show vlan", ["vlan_id", "vlan_name", "type"])],
    "extreme_exos": [("show ports information", ["interface", "link_state", "flags"])],
    "ruckus_fastiron": [("show version", ["version", "hardware", "serial", "uptime"]),
                        ("show interfaces brief", ["port", "link", "vlan_id"])],
    "linux": [("ip address show", ["interface", "state", "ip_addresses"])],
}

PLATFORMS = [p for p in simulated_platforms() if p in PROFILES]


def ntc_platforms():
    """The Platform column of ntc-templates' index, as written (some are regexes)."""
    index = Path(ntc_templates.__file__).parent / "templates" / "index"
    rows = [line.split(",") for line in index.read_text().splitlines()
            if line.strip() and not line.startswith("#") and "," in line]
    return {row[2].strip() for row in rows[1:]}


def filled(value):
    return bool(value) and (not isinstance(value, list) or any(value))


def test_every_platform_has_checks():
    assert set(PLATFORMS) <= set(CHECKS), sorted(set(PLATFORMS) - set(CHECKS))


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if not CHECKS.get(p)])
def test_platform_without_checks_has_no_template(platform):
    """A platform with no checks is one ntc-templates has nothing for; once it has, check it."""
    name = NTC_PLATFORM.get(platform, platform)
    assert not [p for p in ntc_platforms() if re.fullmatch(p, name)]


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if CHECKS.get(p)])
def test_simulated_output_parses_with_ntc_templates(simulator, platform):
    conn = connect(simulator, platform)
    try:
        if PROFILES[platform].get("enable"):
            conn.enable()
        outputs = [(command, keys, conn.send_command(command)) for command, keys in CHECKS[platform]]
    finally:
        conn.disconnect()
    for command, keys, output in outputs:
        records = parse_output(platform=NTC_PLATFORM.get(platform, platform), command=command, data=output)
        assert records, f"{command!r}: no records from\n{output}"
        assert all(filled(record[keys[0]]) for record in records), f"{command!r}: a row without {keys[0]}: {records}"
        assert any(all(filled(record[key]) for key in keys) for record in records), \
            f"{command!r}: no record fills {keys}: {records}"
