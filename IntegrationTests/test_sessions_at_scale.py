"""Sessions at scale: one server runs 200 jobs at once, each to its own
simulated device that takes half a second over every command, without a
thread per session and without leaking a socket."""
import threading
from datetime import datetime
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from peers.simulator import Simulator
from sim_fixtures import PASSWORD, USERNAME, device_spec

DEVICES = 200
LATENCY_MS = 500
# Each job waits out three answers (terminal width, terminal length, show version).
JOB_FLOOR = 3 * LATENCY_MS / 1000
# 8 sessions at once (the former design) would need 200 / 8 * 1.5 s = 37.5 s.
WALL_BOUND = 15


def threads_of(pid):
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def descriptors_of(pid):
    return len(list(Path(f"/proc/{pid}/fd").iterdir()))


def peak_overlap(jobs):
    """The most jobs running at one moment, from their started_at and ended_at."""
    marks = sorted([(job["started_at"], 1) for job in jobs] + [(job["ended_at"], -1) for job in jobs],
                   key=lambda mark: (mark[0], mark[1]))
    running = peak = 0
    for _, step in marks:
        running += step
        peak = max(peak, running)
    return peak


class MostThreads:
    """The most threads a process had, sampled every 20 ms."""

    def __init__(self, pid):
        self.pid, self.most, self.done = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        while not self.done.wait(0.02):
            self.most = max(self.most, threads_of(self.pid))

    def stop(self):
        self.done.set()
        self.thread.join()
        return self.most


def test_two_hundred_jobs_run_at_once_on_a_few_threads(tmp_path, naas_factory):
    specs = [device_spec(f"wan-{index}", "cisco_ios", start_privileged=True, command_latency_ms=LATENCY_MS)
             for index in range(DEVICES)]
    sim = Simulator(tmp_path, specs).start(timeout=60)
    try:
        # Idle sessions are kept for reuse one second, so the check below also sees the pool close them.
        server = naas_factory(workers=DEVICES, log_level="info", env={"NAAS_SESSION_IDLE_TIMEOUT": "1"})
        pid = server.process.popen.pid
        client = server.client()
        client.session.mount("https://", requests.adapters.HTTPAdapter(pool_maxsize=16))
        descriptors_before = descriptors_of(pid)
        watch = MostThreads(pid)

        def submit(name):
            device = sim[name]
            body = {"host": device.host, "port": device.port, "platform": "cisco_ios", "commands": ["show version"]}
            response = client.submit("/v1/send_command", body, (USERNAME, PASSWORD))
            assert response.status_code == 202, response.text
            return name, response.json()["job_id"]

        started = time.monotonic()
        with ThreadPoolExecutor(16) as pool:
            jobs = dict(pool.map(submit, sorted(sim.devices)))
        results = {name: client.wait_for_job(job_id, (USERNAME, PASSWORD), timeout=60) for name, job_id in jobs.items()}
        wall = time.monotonic() - started
        most_threads = watch.stop()

        for name, job in results.items():
            assert job["error"] is None, job
            assert f"{name} uptime is" in job["results"]["show version"], job
        # All ran side by side: far below 8 at once, and not much above one job's own floor.
        assert JOB_FLOOR <= wall < WALL_BOUND, wall
        # Every session was open at the same time as others, yet the server kept a few threads.
        assert most_threads < DEVICES / 4, most_threads
        # The jobs' own times show them running side by side, not in waves of 8.
        assert peak_overlap(results.values()) >= DEVICES / 2, peak_overlap(results.values())
        assert {event["device"] for event in sim.events(event="login")} == set(sim.devices)
        # Every device socket is closed once its idle session times out (the client's keep-alive connections too, here).
        client.session.close()
        deadline = time.monotonic() + 10
        while descriptors_of(pid) > descriptors_before + 8 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert descriptors_of(pid) <= descriptors_before + 8, (descriptors_before, descriptors_of(pid))
    finally:
        sim.stop()


def epoch(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def test_a_freed_session_slot_takes_the_next_queued_job_at_once(tmp_path, naas_factory):
    """With more jobs than sessions, the end of each job claims the next one;
    the server does not wait for its once-a-second poll of the queue."""
    workers, count, latency_ms = 2, 10, 300
    specs = [device_spec(f"slot-{index}", "cisco_ios", start_privileged=True, command_latency_ms=latency_ms)
             for index in range(count)]
    sim = Simulator(tmp_path, specs).start(timeout=60)
    try:
        server = naas_factory(workers=workers)
        client = server.client()
        jobs = []
        for name in sorted(sim.devices):
            device = sim[name]
            body = {"host": device.host, "port": device.port, "platform": "cisco_ios", "commands": ["show version"]}
            response = client.submit("/v1/send_command", body, (USERNAME, PASSWORD))
            assert response.status_code == 202, response.text
            jobs.append(response.json()["job_id"])
        results = [client.wait_for_job(job_id, (USERNAME, PASSWORD), timeout=60) for job_id in jobs]
        for job in results:
            assert job["error"] is None, job
        assert peak_overlap(results) == workers
        ends = sorted(epoch(job["ended_at"]) for job in results)
        # Every job after the first wave starts right after some job ended: the freed slot took it.
        waits = [min(start - end for end in ends if end <= start + 0.001)
                 for start in sorted(epoch(job["started_at"]) for job in results)[workers:]]
        assert max(waits) < 0.5, waits
    finally:
        sim.stop()
