"""Facts about the machine and software a benchmark ran on, for the report:
figures are meaningless without them."""
import os
import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata


def _first(path, prefix):
    with open(path) as handle:
        for line in handle:
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    return "unknown"


def _run(*argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _version(package):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def facts():
    mem_kib = int(_first("/proc/meminfo", "MemTotal").split()[0])
    commit = _run("git", "rev-parse", "--short", "HEAD")
    if _run("git", "status", "--porcelain", "--", "Sources", "Package.swift"):
        commit += " + uncommitted changes"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu_model": _first("/proc/cpuinfo", "model name"),
        "ram": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "swift": _run("swift", "--version").splitlines()[0],
        "libssh": _run("pkg-config", "--modversion", "libssh"),
        "wrk": _run("sh", "-c", "wrk -v 2>&1 | head -n 1").split(" [")[0],
        # A shared machine skews every figure: say how busy it was.
        "load": " / ".join(open("/proc/loadavg").read().split()[:3]),
        "netmiko": _version("netmiko"),
        "fake_switches": _version("fake-switches"),
        "textfsm": _version("textfsm"),
        "ntc_templates": _version("ntc_templates"),
        "python": platform.python_version(),
        "commit": commit,
    }
