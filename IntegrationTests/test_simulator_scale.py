"""One naas-sim process holds 1,000 simulated devices, and the service runs
jobs on a sample of them: the simulator is ready for fleet-sized tests."""
import random
from pathlib import Path

from peers.simulator import Simulator
from sim_fixtures import ENABLE_SECRET, PASSWORD, USERNAME

DEVICES = 1000


def resident_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_a_thousand_devices_in_one_process(tmp_path, naas_factory):
    specs = [{"name": f"edge-{index}", "platform": "cisco_ios", "port": 0, "username": USERNAME,
              "password": PASSWORD, "enable_secret": ENABLE_SECRET} for index in range(DEVICES)]
    sim = Simulator(tmp_path, specs).start(timeout=60)
    try:
        assert len(sim.devices) == DEVICES
        assert len({device.port for device in sim.devices.values()}) == DEVICES
        client = naas_factory(workers=8).client()
        sample = random.Random(7).sample(sorted(sim.devices), 40)
        jobs = {}
        for name in sample:
            device = sim[name]
            body = {"host": device.host, "port": device.port, "platform": "cisco_ios",
                    "enable": ENABLE_SECRET, "commands": ["show version"]}
            response = client.submit("/v1/send_command", body, (USERNAME, PASSWORD))
            assert response.status_code == 202, response.text
            jobs[name] = response.json()["job_id"]
        for name, job_id in jobs.items():
            job = client.wait_for_job(job_id, (USERNAME, PASSWORD), timeout=60)
            assert job["error"] is None, job
            # The device answered as itself: its hostname is in its own show version.
            assert f"{name} uptime is" in job["results"]["show version"]
        assert {event["device"] for event in sim.events(event="login")} == set(sample)
        assert resident_mb(sim.process.pid) < 300
    finally:
        sim.stop()
