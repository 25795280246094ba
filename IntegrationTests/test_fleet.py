"""A fleet on one PostgreSQL store: API processes (`serve --workers 0`) and
worker processes (`naas worker`), each a real process of the real binary,
running jobs on simulated devices that count what they were asked to run."""
import base64
import os
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
import requests

from harness.fleet import ServerFleet
from harness.server import NaasServer
from harness.worker import NaasWorker
from peers.net import free_port
from peers.process import Background
from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME

LEASE = 3
AUTH = (USERNAME, PASSWORD)


def fleet_env():
    return {"NAAS_ENCRYPTION_KEY": base64.b64encode(os.urandom(32)).decode(), "NAAS_JOB_LEASE": str(LEASE)}


def devices(tmp_path, count, **profile):
    specs = [{"name": f"edge-{index}", "platform": "cisco_ios", "port": 0, "username": USERNAME,
              "password": PASSWORD, "enable_secret": ENABLE_SECRET, **profile} for index in range(count)]
    return Simulator(tmp_path / "sim", specs).start(timeout=60)


def api_server(naas_bin, root, url, env):
    server = NaasServer(naas_bin, root, workers=0, env=env, args=["--database-url", url])
    ServerFleet.everyone.append(server)
    return server.start()


def show_version(device):
    return {"host": device.host, "port": device.port, "platform": "cisco_ios", "enable": ENABLE_SECRET,
            "commands": ["show version"]}


def timestamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def commands_by_device(sim):
    counts = {}
    for event in sim.events(event="command"):
        if event["line"] == "show version":
            counts[event["device"]] = counts.get(event["device"], 0) + 1
    return counts


@pytest.fixture
def fleet(postgres, naas_bin, tmp_path):
    """Starts processes on a fresh database; stops whatever is left at the end."""
    started = []

    class Fleet:
        url = postgres.new_database()
        env = fleet_env()

        def api(self, name):
            server = api_server(naas_bin, tmp_path / name, self.url, self.env)
            started.append(server)
            return server

        def worker(self, name, workers=8, args=()):
            worker = NaasWorker(naas_bin, tmp_path / name, self.url, workers=workers, env=self.env, args=args).start()
            started.append(worker)
            return worker

    yield Fleet()
    for process in started:
        process.kill()


def test_five_hundred_jobs_run_once_each_and_a_killed_worker_loses_none(fleet, tmp_path):
    sim = devices(tmp_path, 500, command_latency_ms=150)
    try:
        apis = [fleet.api("api-1"), fleet.api("api-2")]
        doomed, survivor = fleet.worker("worker-1"), fleet.worker("worker-2")
        names = sorted(sim.devices)

        def submit(index):
            response = apis[index % 2].client().submit("/v1/send_command", show_version(sim[names[index]]), AUTH)
            assert response.status_code == 202, response.text
            return names[index], response.json()["job_id"]

        killed_at = []

        def kill_when_busy():
            deadline = time.monotonic() + 60
            while sum(commands_by_device(sim).values()) < 60 and time.monotonic() < deadline:
                time.sleep(0.05)
            doomed.kill()
            killed_at.append(time.time())

        killer = threading.Thread(target=kill_when_busy)
        killer.start()
        with ThreadPoolExecutor(8) as pool:
            jobs = dict(pool.map(submit, range(len(names))))
        killer.join()
        assert killed_at and not doomed.running()

        client = apis[0].client()
        ended = {name: client.wait_for_job(job_id, AUTH, timeout=120) for name, job_id in jobs.items()}
        ran = commands_by_device(sim)

        # Every job ended, none ran twice, and only jobs the lost worker held failed.
        assert {job["status"] for job in ended.values()} <= {"finished", "failed"}
        assert max(ran.values()) == 1, {name: count for name, count in ran.items() if count > 1}
        finished = [name for name, job in ended.items() if job["status"] == "finished"]
        failed = {name: job for name, job in ended.items() if job["status"] == "failed"}
        for name in finished:
            assert ended[name]["error"] is None and f"{name} uptime is" in ended[name]["results"]["show version"]
            assert ran.get(name) == 1
        assert 1 <= len(failed) <= 8, f"{len(failed)} failed: the killed worker held at most its 8"
        for name, job in failed.items():
            assert "Interrupted: worker" in job["error"] and "lost" in job["error"], job
            # Noticed by another process within the lease and 5 s more.
            assert timestamp(job["ended_at"]) - killed_at[0] <= LEASE + 5, job
        # Both workers took part before the kill, and the survivor ran the rest.
        assert survivor.running()
    finally:
        sim.stop()


def test_sigterm_lets_running_jobs_finish_and_claims_nothing_more(fleet, tmp_path):
    sim = devices(tmp_path, 51, command_latency_ms=3000)
    try:
        api = fleet.api("api")
        worker = fleet.worker("worker", workers=50)
        client = api.client()
        names = sorted(sim.devices)
        running = {}
        for name in names[:50]:
            response = client.submit("/v1/send_command", show_version(sim[name]), AUTH)
            assert response.status_code == 202, response.text
            running[name] = response.json()["job_id"]
        deadline = time.monotonic() + 30
        while len(commands_by_device(sim)) < 50 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(commands_by_device(sim)) == 50, "all 50 jobs should be running on their devices"

        worker.process.popen.send_signal(15)
        time.sleep(0.5)
        late = client.submit("/v1/send_command", show_version(sim[names[50]]), AUTH)
        assert late.status_code == 202, late.text
        worker.process.popen.wait(timeout=30)

        for name, job_id in running.items():
            job = client.wait_for_job(job_id, AUTH, timeout=5)
            assert job["status"] == "finished" and job["error"] is None, job
            assert f"{name} uptime is" in job["results"]["show version"]
        # A stopping worker claims nothing: the late job waits for another.
        assert client.job(late.json()["job_id"], AUTH).json()["status"] == "queued"
        assert names[50] not in commands_by_device(sim)
    finally:
        sim.stop()


def test_the_fleet_shares_keys_and_jobs_across_api_processes(fleet, tmp_path):
    sim = devices(tmp_path, 1)
    try:
        first, second = fleet.api("api-1"), fleet.api("api-2")
        fleet.worker("worker", workers=2)
        key = first.create_key(role="operator")
        headers = {"Authorization": f"Bearer {key['token']}", "NAAS-API-Version": "2.8"}
        device = sim[sorted(sim.devices)[0]]
        body = {**show_version(device), "username": USERNAME, "password": PASSWORD}
        response = second.client().submit("/v2/send-command", body, None, headers=headers)
        assert response.status_code == 202, response.text
        job_id = response.json()["job_id"]
        job = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job = first.client().request("GET", f"/v2/send-command/{job_id}", headers=headers).json()
            if job["status"] in ("finished", "failed"):
                break
            time.sleep(0.05)
        assert job["status"] == "finished" and job["error"] is None, job
    finally:
        sim.stop()


def test_a_database_restart_under_load_answers_503_and_loses_no_accepted_job(fleet, postgres, tmp_path):
    sim = devices(tmp_path, 1)
    # Leases longer than the outage: a worker that cannot renew while the database is down is not lost.
    fleet.env["NAAS_JOB_LEASE"] = "15"
    try:
        api = fleet.api("api")
        fleet.worker("worker", workers=4)
        client = api.client()
        device = sim[sorted(sim.devices)[0]]
        answers = []  # (time, status, response)
        stop = threading.Event()

        def submit_until_stopped():
            while not stop.is_set():
                try:
                    response = client.submit("/v1/send_command", show_version(device), AUTH)
                except Exception as error:  # a hung or dropped request is a failure too
                    answers.append((time.monotonic(), type(error).__name__, None))
                    continue
                answers.append((time.monotonic(), response.status_code, response))
                time.sleep(0.02)

        submitter = threading.Thread(target=submit_until_stopped)
        submitter.start()
        time.sleep(2)
        # A fast shutdown ends sessions at once but returns only after its checkpoint: refusals start before it returns.
        stopping_at = time.monotonic()
        postgres.stop()
        time.sleep(1.5)
        health = client.health()
        time.sleep(1.5)
        postgres.start()
        up_at = time.monotonic()
        time.sleep(8)
        stop.set()
        submitter.join()

        statuses = [status for _, status, _ in answers]
        assert set(statuses) <= {202, 503}, sorted(set(map(str, statuses)))
        refused = [response for _, status, response in answers if status == 503]
        assert refused, "the outage should have been seen by some submission"
        for response in refused:
            assert response.headers.get("Retry-After") == "5", response.headers
            assert "store" in response.json()["message"], response.text
        assert all(stopping_at <= at <= up_at + 5 for at, status, _ in answers if status == 503), \
            [(round(at - stopping_at, 2), round(at - up_at, 2)) for at, status, _ in answers if status == 503]
        # Within 5 s of the database's return everything works again.
        assert [status for at, status, _ in answers if at > up_at + 5] and \
            all(status == 202 for at, status, _ in answers if at > up_at + 5)
        assert health.status_code == 503 and health.json()["status"] == "degraded", health.text

        # Every job accepted with 202 is there and runs.
        accepted = [response.json()["job_id"] for _, status, response in answers if status == 202]
        for job_id in accepted:
            job = client.wait_for_job(job_id, AUTH, timeout=60)
            assert job["status"] == "finished" and job["error"] is None, job
    finally:
        sim.stop()


def test_an_api_process_on_postgresql_makes_its_own_data_directory(fleet, naas_bin, tmp_path):
    """Regression: on PostgreSQL nothing created the data directory, so the
    self-signed certificate could not be written and the server did not start."""
    data_dir = tmp_path / "never-made" / "data"
    port = free_port()
    server = Background([naas_bin, "serve", "--host", "127.0.0.1", "--port", port, "--workers", 0,
                         "--data-dir", data_dir, "--database-url", fleet.url],
                        tmp_path / "serve.log", env={**os.environ, **fleet.env}).start()
    try:
        healthy = False
        deadline = time.monotonic() + 30
        while not healthy and time.monotonic() < deadline and server.running():
            try:
                healthy = requests.get(f"https://127.0.0.1:{port}/healthcheck", verify=False, timeout=2).ok
            except requests.RequestException:
                time.sleep(0.1)
        assert healthy, server.log_text()[-2000:]
        assert data_dir.is_dir()
    finally:
        server.stop()
