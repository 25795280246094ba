"""kill -9 with one job running and others queued, then a restart on the same
data dir: every job ends, the interrupted one is failed (not re-run), the
queued ones run exactly once."""
import re

from harness.client import TERMINAL
from harness.logs import json_records, jobs_started


def test_jobs_survive_a_hard_kill(naas_factory, no_prompt_target, sw_enabled):
    server = naas_factory(workers=1)
    client = server.client()

    stuck = client.submit("/v1/send_command",
                          no_prompt_target.body(commands=["echo never"], read_timeout=20),
                          no_prompt_target.auth)
    assert stuck.status_code == 202, stuck.text
    stuck_id = stuck.json()["job_id"]
    running = client.wait_for_job(stuck_id, no_prompt_target.auth, timeout=10,
                                  until=TERMINAL | {"started"})
    assert running["status"] == "started", running

    queued_ids = []
    for _ in range(3):
        response = client.submit("/v1/send_command", sw_enabled.body(commands=["show version"]),
                                 sw_enabled.auth)
        assert response.status_code == 202, response.text
        queued_ids.append(response.json()["job_id"])
    for job_id in queued_ids:
        assert client.job(job_id, sw_enabled.auth).json()["status"] == "queued"
    assert client.job(stuck_id, no_prompt_target.auth).json()["status"] == "started"

    server.kill()
    server.start()
    client = server.client()

    interrupted = client.wait_for_job(stuck_id, no_prompt_target.auth, timeout=30)
    assert interrupted["status"] == "failed", interrupted
    assert re.search(r"restart|interrupt", interrupted["error"] or "", re.IGNORECASE), interrupted
    assert interrupted["ended_at"] is not None
    for job_id in queued_ids:
        job = client.wait_for_job(job_id, sw_enabled.auth, timeout=30)
        assert job["status"] == "finished", job
        assert "Cisco IOS Software" in job["results"]["show version"]

    server.stop()  # flush the second instance's logs before reading them
    before_kill, after_restart = server.log_paths
    started = jobs_started(json_records([before_kill, after_restart]))
    assert started[stuck_id] <= 1, started
    assert jobs_started(json_records([after_restart]))[stuck_id] == 0, started
    for job_id in queued_ids:
        assert started[job_id] == 1, started
