"""Fixtures around naas-sim: one simulated device per platform, for the whole session.

Ports are 0 so the kernel picks them; the simulator reports what it bound.
"""
import pytest

from peers.simulator import BINARY, Simulator

USERNAME = "admin"
PASSWORD = "sim-pw-41"
ENABLE_SECRET = "sim-en-42"


def device_spec(name, platform, **extra):
    spec = {"name": name, "platform": platform, "port": 0, "username": USERNAME,
            "password": PASSWORD, "enable_secret": ENABLE_SECRET}
    spec.update(extra)
    return spec


def simulated_platforms():
    """The platforms the built binary simulates, in its own order."""
    import subprocess
    out = subprocess.run([str(BINARY), "--list-platforms"], capture_output=True, text=True, check=True)
    return out.stdout.split()


def client_key(workdir):
    """An ECDSA client key (swift-nio-ssh takes ECDSA and Ed25519 user keys): file path, public line."""
    import paramiko
    key = paramiko.ECDSAKey.generate()
    path = workdir / "client_ecdsa"
    key.write_private_key_file(str(path))
    return str(path), f"{key.get_name()} {key.get_base64()} sim-client"


@pytest.fixture(scope="session")
def simulator(tmp_path_factory):
    """naas-sim with one device per platform, named after the platform; cisco_ios also on Telnet."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build --product naas-sim` first")
    workdir = tmp_path_factory.mktemp("naas-sim")
    key_file, public_key = client_key(workdir)
    specs = []
    for platform in simulated_platforms():
        extra = {"authorized_keys": [public_key]}
        if platform == "cisco_ios":
            extra["telnet_port"] = 0
        specs.append(device_spec(platform, platform, **extra))
    sim = Simulator(workdir, specs).start()
    sim.key_file = key_file
    yield sim
    sim.stop()
