"""naas-sim as a peer: many simulated network devices in one process.

The simulator prints `device NAME PLATFORM ssh=PORT telnet=PORT|-` per device
and then `ready` once every listener is bound.
"""
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .net import LOOPBACK
from .process import Background

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("NAAS_SIM_BIN", REPO / ".build/debug/naas-sim"))


@dataclass(frozen=True)
class SimDevice:
    name: str
    platform: str
    host: str
    port: int
    telnet_port: int
    username: str
    password: str
    enable_secret: str = None


class Simulator:
    """Writes the JSON config, starts naas-sim, and reads its event record."""

    def __init__(self, workdir, devices, host=LOOPBACK, binary=BINARY):
        self.workdir = Path(workdir)
        self.specs = list(devices)
        self.host = host
        self.binary = Path(binary)
        self.events_path = self.workdir / "sim-events.jsonl"
        self.config_path = self.workdir / "sim-devices.json"
        self.process = None
        self.devices = {}

    def start(self, timeout=30):
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(json.dumps(
            {"host": self.host, "events": str(self.events_path), "devices": self.specs}, indent=2))
        log = self.workdir / "naas-sim.log"
        self.process = Background([self.binary, "--config", self.config_path], log).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.process.log_text()
            if "\nready\n" in "\n" + text:
                self._parse(text)
                return self
            if not self.process.running():
                raise RuntimeError(f"naas-sim exited: {text[-2000:]}")
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"naas-sim not ready within {timeout}s: {self.process.log_text()[-2000:]}")

    def _parse(self, text):
        by_name = {spec["name"]: spec for spec in self.specs}
        for line in text.splitlines():
            if not line.startswith("device "):
                continue
            _, name, platform, ssh, telnet = line.split()
            spec = by_name[name]
            telnet_port = telnet.split("=", 1)[1]
            self.devices[name] = SimDevice(
                name=name, platform=platform, host=self.host, port=int(ssh.split("=", 1)[1]),
                telnet_port=None if telnet_port == "-" else int(telnet_port),
                username=spec["username"], password=spec["password"],
                enable_secret=spec.get("enable_secret"))

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def __getitem__(self, name):
        return self.devices[name]

    def events(self, device=None, event=None):
        """Every recorded event, optionally only one device's or one kind."""
        try:
            lines = self.events_path.read_text().splitlines()
        except FileNotFoundError:
            return []
        records = [json.loads(line) for line in lines if line.strip()]
        return [r for r in records
                if (device is None or r["device"] == device) and (event is None or r["event"] == event)]
