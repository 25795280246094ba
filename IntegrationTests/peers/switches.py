"""The fake-switches launcher as a peer: three Cisco-like devices in one process.

(Not named fake_switches.py: the launcher runs from this folder, and the
name would shadow the fake_switches package it imports.)
"""
import sys
from pathlib import Path

from .net import LOOPBACK, free_port, wait_for_tcp
from .process import Background
from .target import Target

USERNAME = "admin"
PASSWORD = "naas-sw-pw-77"
ENABLE_SECRET = "naas-en-pw-88"
LAUNCHER = Path(__file__).with_name("fake_switches_launcher.py")

# name, fake-switches model, starts in enable mode
DEVICES = (
    ("sw-user", "cisco_generic", False),
    ("sw-enabled", "cisco_generic", True),
    ("sw-2960", "cisco_2960_24TT_L", False),
)


class FakeSwitches:
    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.process = None
        self.devices = {}

    def start(self, timeout=30):
        argv = [sys.executable, LAUNCHER, "--username", USERNAME, "--password", PASSWORD,
                "--enable-secret", ENABLE_SECRET, "--listen-host", LOOPBACK]
        for name, model, enabled in DEVICES:
            port = free_port()
            argv += ["--device", f"{name}:{model}:{port}" + (":enabled" if enabled else "")]
            self.devices[name] = Target(
                name=name, host=LOOPBACK, port=port, platform="cisco_ios",
                username=USERNAME, password=PASSWORD,
                enable_secret=None if enabled else ENABLE_SECRET,
                prompt=name + ("#" if enabled else ">"))
        self.process = Background(argv, self.workdir / "fake-switches.log").start()
        for device in self.devices.values():
            wait_for_tcp(device.host, device.port, timeout, self.process.popen)
        return self

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def __getitem__(self, name):
        return self.devices[name]
