"""Sessions at scale: many jobs at once, each to its own slow device.

In one run, on this machine, against N simulated cisco_ios devices (naas-sim,
one process) that answer every command after a delay, as devices across a
WAN do:
- `naas serve --workers N`: N jobs submitted at once over HTTPS (16 client
  threads, one keep-alive connection each), timed from the first submission to the last job
  finished; the server's peak resident memory (VmHWM) and its most threads
  seen while the jobs ran;
- the same server with `--workers 8` (the former design: one thread per
  session, 8 at once), on a sample of the jobs; its time for all N is
  projected from its rate;
- Netmiko holding sessions to the same devices at once, one thread each
  (`ConnectHandler` + `send_command` + `disconnect`), on a sample: wall time
  and the resident memory each session adds to the Python process.

Counts only jobs that finished without error; any other outcome fails the
run. Prints one JSON object.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import urllib3

from loopback_client import LoopbackClient
from fleet_bench import SIM_PASSWORD, SIM_USER, Processes, serve, start_simulator

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
REPO = Path(__file__).resolve().parent.parent
CLIENT_THREADS = 16


def proc_status(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


class ThreadWatch:
    """Samples a process's thread count every 50 ms; keeps the most seen."""

    def __init__(self, pid):
        self.pid, self.most, self.done = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.done.wait(0.05):
            self.most = max(self.most, proc_status(self.pid, "Threads"))

    def stop(self):
        self.done.set()
        self.thread.join()
        return self.most


def run_jobs(url, ports):
    """Submits one job per port at once and waits for all; returns (seconds, errors)."""
    session = requests.Session()
    session.verify = False
    session.trust_env = False
    session.mount("https://", requests.adapters.HTTPAdapter(pool_connections=16, pool_maxsize=16))
    auth = (SIM_USER, SIM_PASSWORD)

    # One keep-alive connection per client thread (see loopback_client.py for why not requests).
    local = threading.local()

    def submit(port):
        if not hasattr(local, "client"):
            local.client = LoopbackClient(url, SIM_USER, SIM_PASSWORD)
        body = {"host": "127.0.0.1", "port": port, "platform": "cisco_ios", "commands": ["show version"]}
        status, answer, text = local.client.post("/v1/send_command", body)
        if status != 202:
            raise RuntimeError(f"submission answered {status}: {text[:200]}")
        return answer["job_id"]

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        ids = list(pool.map(submit, ports))
    submitted = time.perf_counter() - started

    def ended(status):
        page = session.get(url + "/v1/jobs", params={"per_page": 1, "status": status}, auth=auth, timeout=30).json()
        return page["pagination"]["total"]

    # A fresh server per run: every job it lists is one of these.
    while ended("finished") + ended("failed") < len(ids):
        if time.perf_counter() - started > 900:
            raise TimeoutError("jobs unfinished after 15 minutes")
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    failures = []
    for job_id in ids:
        job = session.get(url + f"/v1/send_command/{job_id}", auth=auth, timeout=30).json()
        if job.get("error") is not None or job.get("status") != "finished":
            failures.append(job.get("error") or job.get("status"))
    return round(seconds, 3), round(submitted, 3), failures


def naas_run(procs, args, ports, workers, name):
    child, url = serve(procs, args, name, workers)
    watch = ThreadWatch(child.pid)
    idle_threads = proc_status(child.pid, "Threads")
    seconds, submitted, failures = run_jobs(url, ports)
    most_threads = watch.stop()
    peak_mb = proc_status(child.pid, "VmHWM") / 1024
    Processes.stop(child)
    if failures:
        raise RuntimeError(f"{len(failures)} of {len(ports)} jobs failed with --workers {workers}: {failures[:3]}")
    return {"workers": workers, "jobs": len(ports), "seconds": seconds, "submitting_seconds": submitted,
            "jobs_per_s": round(len(ports) / seconds, 1), "peak_rss_mb": round(peak_mb, 1),
            "threads_idle": idle_threads, "threads_most": most_threads}


NETMIKO_SCRIPT = r"""
import json, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from netmiko import ConnectHandler
ports, user, password = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:")) / 1024
held, gate = [], threading.Barrier(len(ports) + 1)
def one(port):
    connection = ConnectHandler(device_type="cisco_ios", host="127.0.0.1", port=port, username=user,
                                password=password, secret=password)
    output = connection.send_command("show version")
    gate.wait()  # every session open at once, as the jobs are
    gate.wait()
    connection.disconnect()
    return "Cisco IOS Software" in output
before = rss()
started = time.perf_counter()
with ThreadPoolExecutor(len(ports)) as pool:
    futures = [pool.submit(one, port) for port in ports]
    gate.wait()
    during = rss()
    gate.wait()
    ok = all(future.result() for future in futures)
print(json.dumps({"sessions": len(ports), "ok": ok, "seconds": round(time.perf_counter() - started, 3),
                  "rss_per_session_mb": round((during - before) / len(ports), 2)}))
"""


def netmiko_run(args, ports):
    out = subprocess.run([args.python, "-c", NETMIKO_SCRIPT, json.dumps(ports), SIM_USER, SIM_PASSWORD],
                         check=True, capture_output=True, text=True, timeout=900).stdout
    result = json.loads(out.strip().splitlines()[-1])
    if not result["ok"]:
        raise RuntimeError("a Netmiko session got a wrong answer")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", type=Path, required=True)
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--latency-ms", type=int, default=1000, help="the devices' delay before each answer")
    parser.add_argument("--former-sample", type=int, default=64, help="jobs the --workers 8 run is timed on")
    parser.add_argument("--netmiko-sample", type=int, default=50, help="sessions Netmiko holds at once")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    procs = Processes(Path(tempfile.mkdtemp(prefix="naas-sessions-bench-")))
    try:
        # Privileged at login, as the fake switch of the latency runs: each job is three commands
        # (terminal width, terminal length, show version), so at least three delays.
        ports = start_simulator(procs, args, args.devices, "sim", args.latency_ms, start_privileged=True)
        result = {"devices": args.devices, "latency_ms": args.latency_ms, "commands_per_job": 3}
        result["naas"] = naas_run(procs, args, ports, args.devices, "sessions")
        former = naas_run(procs, args, ports[:args.former_sample], 8, "former")
        former["projected_seconds_for_all"] = round(args.devices / former["jobs_per_s"], 1)
        result["former"] = former
        result["netmiko"] = netmiko_run(args, ports[:args.netmiko_sample])
    finally:
        procs.stop_all()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
