"""The server's log output through the real binary: a reader that stops
reading standard output never stalls a request, and every line written is
whole JSON, flushed before the process exits."""
import json
import os
import signal
import subprocess
import time

import requests

from peers.net import LOOPBACK, free_port


def start_unread(naas_bin, tmp_path):
    """`naas serve` whose standard output is a pipe nobody reads (until the test does)."""
    port = free_port()
    process = subprocess.Popen(
        [naas_bin, "serve", "--http", "--host", LOOPBACK, "--port", str(port), "--workers", "0",
         "--data-dir", str(tmp_path / "data"), "--log-level", "debug"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=dict(os.environ))
    base = f"http://{LOOPBACK}:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthcheck", timeout=2).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("naas serve did not become healthy")


def test_a_stalled_standard_output_never_stalls_a_request(naas_bin, tmp_path):
    """Regression: log lines were written with write(2) on the request's path, so once the pipe's
    64 KiB buffer filled, every request that logged waited for a reader that never came."""
    process, base = start_unread(naas_bin, tmp_path)
    try:
        session = requests.Session()
        slowest = 0.0
        # Each refused request logs an audit line (~250 bytes): 1,500 of them are several pipe buffers.
        for _ in range(1500):
            started = time.monotonic()
            response = session.get(base + "/v1/jobs", timeout=5)
            slowest = max(slowest, time.monotonic() - started)
            assert response.status_code == 401, response.text
        assert slowest < 1.0, f"a request waited {slowest:.2f} s"
    finally:
        process.send_signal(signal.SIGTERM)
        # Reading now lets the writer finish: the lines are all there, whole, and end with the shutdown.
        output, _ = process.communicate(timeout=30)
    lines = output.decode().splitlines()
    records = [json.loads(line) for line in lines]
    refusals = [r for r in records if r.get("event") == "auth.failure"]
    assert len(refusals) == 1500, len(refusals)
    assert all(r["timestamp"].endswith("Z") and len(r["timestamp"]) == 24 for r in records), records[0]
