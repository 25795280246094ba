"""The store on PostgreSQL beside SQLite, and a fleet draining a queue.

In one run, on this machine:
- submissions/s over HTTPS (wrk, the same script and options as the main
  throughput run) to a server on SQLite and to one on PostgreSQL, both with
  held workers (the API and the store alone);
- cold job latency (bench/e2e_latency.py) on PostgreSQL, beside the main
  run's SQLite figure;
- jobs/s drained by 1, 2 and 4 `naas worker` processes (8 sessions each)
  from a queue of N jobs filled beforehand, on simulated devices: once on
  devices that answer at once (the service's own cost), once on devices that
  answer each command after a delay, as devices across a WAN do (the case
  more sessions are for).

A throwaway PostgreSQL is started with scripts/postgres.sh (fsync off, as
in the tests: the figures are the service's, not the disk's) and each
measurement gets a database of its own. Prints one JSON object.
"""
import argparse
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
REPO = Path(__file__).resolve().parent.parent
LIMITS = {"RATE_LIMIT_PER_CALLER": "1000000000", "RATE_LIMIT_PER_DEVICE": "1000000000", "RATE_LIMIT_BASIC": "1",
          "NAAS_AUDIT_LOG_LEVEL": "warning"}
SIM_USER, SIM_PASSWORD = "admin", "bench-sim-pw"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (requests.RequestException, OSError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{what} not ready within {seconds}s")


class Processes:
    """Every child started here, stopped (SIGTERM, then SIGKILL) at the end."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.children = []

    def start(self, name, argv, env=None):
        log = open(self.workdir / f"{name}.log", "ab")
        child = subprocess.Popen([str(a) for a in argv], stdout=log, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, env={**os.environ, **LIMITS, **(env or {})})
        self.children.append(child)
        return child

    @staticmethod
    def stop(child, grace=30):
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(grace)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def stop_all(self):
        for child in reversed(self.children):
            self.stop(child, grace=5)


def start_postgres(workdir):
    directory = tempfile.mkdtemp(prefix="naas-bench-postgres-")
    url = subprocess.run(["bash", REPO / "scripts/postgres.sh", "start", directory, str(free_port())],
                         check=True, capture_output=True, text=True).stdout.strip()
    return directory, url


def new_database(admin_url):
    name = f"bench_{os.urandom(4).hex()}"
    psql = shutil.which("psql") or sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))[-1]
    subprocess.run([psql, "-X", "-q", admin_url, "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return admin_url.rsplit("/", 1)[0] + "/" + name


def serve(procs, args, name, workers, extra=(), env=None):
    port = free_port()
    child = procs.start(name, [args.bin / "naas", "serve", "--host", "127.0.0.1", "--port", port,
                               "--data-dir", procs.workdir / f"data-{name}", "--workers", workers,
                               "--log-level", "warning", *extra], env)
    url = f"https://127.0.0.1:{port}"
    wait_for(lambda: requests.get(url + "/healthcheck", verify=False, timeout=2).status_code == 200, 60, name)
    return child, url


def wrk_submissions(args, url):
    env = {**os.environ, "NAAS_BENCH_DEVICE_PORT": str(args.device_port),
           "NAAS_BENCH_AUTH": base64.b64encode(f"{args.user}:{args.password}".encode()).decode()}
    out = subprocess.run(["wrk", *args.wrk_options.split(), "-s", "bench/wrk/submit.lua", url + "/v1/send_command"],
                         cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.split(" ", 1)[1])


def start_simulator(procs, args, count, name, latency_ms=0, **device):
    """`count` cisco_ios devices that answer each command after `latency_ms` (and `device`'s other
    settings); returns their ports."""
    config = procs.workdir / f"{name}.json"
    devices = [{"name": f"edge-{i}", "platform": "cisco_ios", "port": 0, "username": SIM_USER,
                "password": SIM_PASSWORD, "enable_secret": SIM_PASSWORD, "command_latency_ms": latency_ms, **device}
               for i in range(count)]
    config.write_text(json.dumps({"host": "127.0.0.1", "devices": devices}))
    log = procs.workdir / f"{name}.log"
    procs.start(name, [args.bin / "naas-sim", "--config", config])
    wait_for(lambda: "\nready\n" in "\n" + log.read_text(), 60, "naas-sim")
    return [int(line.split("ssh=")[1].split()[0]) for line in log.read_text().splitlines() if line.startswith("device ")]


def finished_count(url):
    response = requests.get(url + "/v1/jobs", params={"status": "finished", "per_page": 1},
                            auth=(SIM_USER, SIM_PASSWORD), verify=False, timeout=10)
    return response.json()["pagination"]["total"]


def drain(procs, args, admin_url, ports, processes, env, jobs, label):
    """Fills a queue of `jobs` jobs, then times `processes` workers emptying it."""
    database = ["--database-url", new_database(admin_url)]
    api, url = serve(procs, args, f"drain-api-{label}-{processes}", 0, database, env)
    # A held worker makes submissions acceptable without running any of them.
    held = procs.start(f"drain-held-{label}-{processes}", [args.bin / "naas", "worker", *database, "--workers", 1,
                                                    "--hold-jobs", "--log-level", "info"], env)
    wait_for(lambda: requests.post(url + "/v1/send_command", auth=(SIM_USER, SIM_PASSWORD), verify=False, timeout=10,
                                   json={"host": "127.0.0.1", "port": ports[0], "platform": "cisco_ios",
                                         "commands": ["show version"]}).status_code == 202, 30, "the held worker")
    session = requests.Session()
    session.verify = False
    session.trust_env = False  # a CA bundle variable would override verify=False

    def submit(index):
        body = {"host": "127.0.0.1", "port": ports[index % len(ports)], "platform": "cisco_ios",
                "commands": ["show version"]}
        status = session.post(url + "/v1/send_command", json=body, auth=(SIM_USER, SIM_PASSWORD), timeout=30).status_code
        if status != 202:
            raise RuntimeError(f"submission answered {status}")

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(submit, range(jobs - 1)))
    Processes.stop(held)
    started = time.perf_counter()
    workers = [procs.start(f"drain-worker-{label}-{processes}-{i}", [args.bin / "naas", "worker", *database, "--workers", 8,
                                                             "--log-level", "warning"], env)
               for i in range(processes)]
    while finished_count(url) < jobs:
        if time.perf_counter() - started > 600:
            raise TimeoutError("the queue did not drain in 10 minutes")
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    for child in workers + [api]:
        Processes.stop(child)
    return {"processes": processes, "sessions": 8 * processes, "jobs": jobs, "seconds": round(seconds, 3),
            "jobs_per_s": round(jobs / seconds, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", type=Path, required=True)
    parser.add_argument("--device-port", type=int, required=True, help="the fake switch the main run uses")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--wrk-options", required=True)
    parser.add_argument("--rounds", type=int, default=20, help="cold jobs for the latency figure")
    parser.add_argument("--jobs", type=int, default=1000, help="jobs each drain empties")
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--slow-jobs", type=int, default=240, help="jobs each drain on slow devices empties")
    parser.add_argument("--slow-latency-ms", type=int, default=100, help="the slow devices' delay before each answer")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="naas-fleet-bench-"))
    procs = Processes(workdir)
    pg_dir, admin_url = start_postgres(workdir)
    env = {"NAAS_ENCRYPTION_KEY": base64.b64encode(os.urandom(32)).decode()}
    result = {}
    try:
        for store, extra in (("sqlite", []), ("postgresql", ["--database-url", new_database(admin_url)])):
            child, url = serve(procs, args, f"submit-{store}", 1, ["--hold-jobs", *extra], env)
            result[f"submissions_{store}"] = wrk_submissions(args, url)
            Processes.stop(child)
        child, url = serve(procs, args, "e2e-postgresql", 8, ["--database-url", new_database(admin_url)], env)
        latency = subprocess.run([sys.executable, "bench/e2e_latency.py", "--url", url, "--device-port",
                                  str(args.device_port), "--user", args.user, "--password", args.password,
                                  "--count", str(args.rounds)], cwd=REPO, check=True, capture_output=True, text=True)
        result["e2e_postgresql"] = json.loads(latency.stdout.strip().splitlines()[-1])
        Processes.stop(child)
        counts = [int(n) for n in args.processes.split(",")]
        ports = start_simulator(procs, args, 50, "sim")
        result["drain"] = [drain(procs, args, admin_url, ports, n, env, args.jobs, "fast") for n in counts]
        slow_ports = start_simulator(procs, args, 50, "sim-slow", args.slow_latency_ms)
        result["drain_slow"] = {"latency_ms": args.slow_latency_ms,
                                "runs": [drain(procs, args, admin_url, slow_ports, n, env, args.slow_jobs, "slow")
                                         for n in counts]}
    finally:
        procs.stop_all()
        subprocess.run(["bash", REPO / "scripts/postgres.sh", "stop", pg_dir], capture_output=True)
        shutil.rmtree(pg_dir, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
