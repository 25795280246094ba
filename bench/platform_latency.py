"""Cold one-command jobs on every simulated platform, and autodetect, each
beside Netmiko on the same simulated device in the same run.

Starts naas-sim with one device per platform, then per platform times
`naas-bench device --platform P` (NAAS's device layer: connect, log in,
session set-up, the platform's version command, clean output) and Netmiko's
ConnectHandler + send_command + disconnect for the same command. Autodetect:
`naas-bench device --platform autodetect` beside Netmiko's SSHDetect on the
same devices. The platforms' commands come from the simulator's Netmiko test
table, so both tools are asked the same thing.

Prints one JSON object per line: {"platform": P, "naas": summary, "netmiko": summary}
and {"autodetect": P, "naas": summary, "netmiko": summary, "found": {...}}.
"""
import argparse
import json
import logging
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "IntegrationTests"))

from netmiko import ConnectHandler  # noqa: E402
from netmiko.ssh_autodetect import SSHDetect  # noqa: E402

from peers.simulator import Simulator  # noqa: E402
from stats import summary  # noqa: E402
from test_simulator_netmiko import AUTODETECT, PROFILES  # noqa: E402

USER, PASSWORD, SECRET = "bench", "bench-pw-1", "bench-en-1"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="folder holding naas-bench and naas-sim")
    parser.add_argument("--count", type=int, default=10, help="rounds per platform and tool")
    parser.add_argument("--autodetect-count", type=int, default=1,
                        help="Netmiko SSHDetect rounds per platform (0: NAAS only; each costs Netmiko ~7 s per probe command)")
    parser.add_argument("--autodetect-platforms", default="cisco_ios,arista_eos,huawei,linux")
    return parser.parse_args()


def naas_rounds(bench, device, platform, command, expect, count):
    argv = [str(bench), "device", "--host", device.host, "--port", str(device.port), "--user", USER,
            "--password", PASSWORD, "--platform", platform, "--command", command, "--expect", expect,
            "--count", str(count), "--enable-secret", SECRET]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"naas-bench failed on {platform}: {done.stderr or done.stdout}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def expected_text(profile):
    """The version pattern as plain text, when it is one: naas-bench checks each output contains it."""
    pattern = profile["version_re"]
    return "" if re.search(r"[\[\](){}*+?|^$.\\]", pattern) else pattern


def netmiko_params(sim, platform, key_file):
    device = sim[platform]
    params = dict(device_type=platform, host=device.host, port=device.port, username=USER,
                  password=PASSWORD, secret=SECRET)
    params.update(PROFILES[platform].get("connect", {}))
    if PROFILES[platform].get("key_auth"):
        params.update(use_keys=True, key_file=key_file, password=None, allow_agent=False)
    return params


def netmiko_rounds(sim, platform, key_file, count):
    profile = PROFILES[platform]
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        connection = ConnectHandler(**netmiko_params(sim, platform, key_file))
        try:
            if profile.get("enable"):
                connection.enable()
            output = connection.send_command(profile["version"])
        finally:
            connection.disconnect()
        samples.append((time.perf_counter() - started) * 1000)
        if not output.strip():
            sys.exit(f"netmiko got no output from {platform}")
    return summary("netmiko", samples)


def netmiko_autodetect(sim, platform, key_file, count):
    device = sim[platform]
    samples, found = [], None
    for _ in range(count):
        params = dict(device_type="autodetect", host=device.host, port=device.port, username=USER, password=PASSWORD)
        if PROFILES.get(platform, {}).get("key_auth"):
            params.update(use_keys=True, key_file=key_file, allow_agent=False)
        started = time.perf_counter()
        found = SSHDetect(**params).autodetect()
        samples.append((time.perf_counter() - started) * 1000)
    return summary("netmiko_sshdetect", samples), found


def main():
    args = parse_args()
    logging.basicConfig(level=logging.WARNING)
    bin_dir = Path(args.bin)
    platforms = subprocess.run([str(bin_dir / "naas-sim"), "--list-platforms"], capture_output=True,
                               text=True, check=True).stdout.split()
    platforms = [p for p in platforms if p in PROFILES]
    with tempfile.TemporaryDirectory() as work:
        import paramiko
        key = paramiko.ECDSAKey.generate()
        key_file = str(Path(work) / "client_ecdsa")
        key.write_private_key_file(key_file)
        # Port 0: the kernel picks each device's port, so none can be taken in between.
        specs = [{"name": p, "platform": p, "port": 0, "username": USER, "password": PASSWORD,
                  "enable_secret": SECRET, "authorized_keys": [f"{key.get_name()} {key.get_base64()} bench"]}
                 for p in platforms]
        sim = Simulator(work, specs, binary=bin_dir / "naas-sim").start()
        try:
            for platform in platforms:
                profile = PROFILES[platform]
                # One untimed round each, so neither tool pays a first-connection warm-up.
                naas_rounds(bin_dir / "naas-bench", sim[platform], platform, profile["version"], "", 1)
                naas = naas_rounds(bin_dir / "naas-bench", sim[platform], platform, profile["version"],
                                   expected_text(profile), args.count)
                netmiko = netmiko_rounds(sim, platform, key_file, max(1, args.count // 2))
                print(json.dumps({"platform": platform, "naas": naas, "netmiko": netmiko}), flush=True)
            wanted = [p for p in args.autodetect_platforms.split(",") if p in AUTODETECT and p in platforms]
            for platform in wanted:
                naas = naas_rounds(bin_dir / "naas-bench", sim[platform], "autodetect",
                                   PROFILES[platform]["version"], "", args.count)
                record = {"autodetect": platform, "naas": naas}
                if args.autodetect_count > 0:
                    record["netmiko"], record["netmiko_found"] = netmiko_autodetect(
                        sim, platform, key_file, args.autodetect_count)
                print(json.dumps(record), flush=True)
        finally:
            sim.stop()


if __name__ == "__main__":
    main()
