"""The fake-switches launcher as a peer: Cisco-like devices and a Dell one in
one process, each reachable over SSH and over Telnet.

`peer[name]` is a device's SSH Target; `peer[name + TELNET]` (e.g.
"sw-user-telnet") is the same device over Telnet: its Telnet port and the
platform's Telnet name, but the same `name` (the device's hostname, which
its prompts show) and credentials. fake-switches' Telnet login accepts any
username and password, so a wrong password over Telnet still logs in.

(Not named fake_switches.py: the launcher runs from this folder, and the
name would shadow the fake_switches package it imports.)
"""
import sys
from dataclasses import replace
from pathlib import Path

from .net import LOOPBACK, free_port, wait_for_tcp
from .process import Background
from .target import Target

USERNAME = "admin"
PASSWORD = "naas-sw-pw-77"
ENABLE_SECRET = "naas-en-pw-88"
LAUNCHER = Path(__file__).with_name("fake_switches_launcher.py")
TELNET = "-telnet"

# name, fake-switches model, NAAS platform over SSH, starts in enable mode
DEVICES = (
    ("sw-user", "cisco_generic", "cisco_ios", False),
    ("sw-enabled", "cisco_generic", "cisco_ios", True),
    ("sw-2960", "cisco_2960_24TT_L", "cisco_ios", False),
    # fake-switches' Dell always starts in user mode.
    ("dell", "dell_generic", "dell_force10", False),
)


class FakeSwitches:
    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.process = None
        self.devices = {}

    def start(self, timeout=30):
        argv = [sys.executable, LAUNCHER, "--username", USERNAME, "--password", PASSWORD,
                "--enable-secret", ENABLE_SECRET, "--listen-host", LOOPBACK]
        for name, model, platform, enabled in DEVICES:
            port, telnet_port = free_port(), free_port()
            argv += ["--device", f"{name}:{model}:{port}" + (":enabled" if enabled else ""),
                     "--telnet", f"{name}:{telnet_port}"]
            ssh = Target(
                name=name, host=LOOPBACK, port=port, platform=platform,
                username=USERNAME, password=PASSWORD,
                enable_secret=None if enabled else ENABLE_SECRET,
                prompt=name + ("#" if enabled else ">"))
            self.devices[name] = ssh
            self.devices[name + TELNET] = replace(ssh, port=telnet_port, platform=platform + "_telnet")
        self.process = Background(argv, self.workdir / "fake-switches.log").start()
        for device in self.devices.values():
            wait_for_tcp(device.host, device.port, timeout, self.process.popen)
        return self

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def __getitem__(self, name):
        return self.devices[name]
