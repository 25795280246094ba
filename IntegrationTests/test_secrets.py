"""Device passwords and enable secrets never reach the logs, the database
files or any API response, not even after a failed login."""
import base64

from harness.stored import stored_secrets
from peers import accounts
from peers.switches import ENABLE_SECRET, PASSWORD

WRONG_PASSWORD = "naas-wrong-pw-77-bad"
SECRETS = [PASSWORD, ENABLE_SECRET, accounts.LINUX.password, WRONG_PASSWORD]


def needles(targets):
    found = {secret: secret.encode() for secret in SECRETS}
    for target in targets:  # the HTTP Basic header value, as sent
        token = base64.b64encode(f"{target.username}:{target.password}".encode())
        found[f"Basic token of {target.name}/{target.password}"] = token
    return found


def leaks(root, needles):
    files = [path for path in root.rglob("*") if path.is_file()]
    assert files, f"nothing to search under {root}"
    return [(str(path.relative_to(root)), label)
            for path in files
            for label, needle in needles.items()
            if needle in path.read_bytes()]


def run_every_kind_of_job(client, sw_user, sw_enabled, linux_target):
    responses = []
    jobs = [
        ("/v1/send_command", sw_user, sw_user.body(commands=["show version"])),
        ("/v1/send_config", sw_user, sw_user.body(config=["vlan 130"], save_config=True)),
        ("/v1/send_command", linux_target, linux_target.body(commands=["echo hi"])),
        ("/v1/send_command", sw_enabled.with_password(WRONG_PASSWORD),
         sw_enabled.body(commands=["show version"], enable=ENABLE_SECRET)),
    ]
    for path, target, body in jobs:
        accepted = client.submit(path, body, target.auth)
        assert accepted.status_code == 202, accepted.text
        job_id = accepted.json()["job_id"]
        job = client.wait_for_job(job_id, target.auth, path)
        assert job["status"] == "finished", job
        responses += [accepted, client.job(job_id, target.auth, path),
                      client.jobs(target.auth)]
    rejected = client.submit("/v1/send_command", sw_user.body(commands=["show version"], port=0),
                             sw_user.auth)
    assert rejected.status_code == 422
    responses.append(rejected)
    return responses, [sw_user, sw_enabled.with_password(WRONG_PASSWORD), linux_target]


def test_secrets_stay_out_of_logs_database_and_responses(naas_factory, sw_user, sw_enabled,
                                                         linux_target):
    server = naas_factory(workers=2)
    responses, targets = run_every_kind_of_job(server.client(), sw_user, sw_enabled,
                                               linux_target)
    search = needles(targets)

    for response in responses:
        for label, needle in search.items():
            assert needle not in response.content, (response.request.url, label)
    assert leaks(server.root, search) == []  # while running: on SQLite, -wal and -shm exist
    if server.database_url is None:
        assert any(p.name.endswith("-wal") for p in server.data_dir.rglob("*")), \
            sorted(p.name for p in server.data_dir.rglob("*"))
    snapshot = server.store_snapshot()
    assert stored_secrets(snapshot, search) == []
    # The snapshot is the store: the results of the jobs are in it.
    assert stored_secrets(snapshot, {"show version output": b"Cisco IOS Software"})

    server.stop()
    assert leaks(server.root, search) == []
    assert stored_secrets(server.store_snapshot(), search) == []
    assert any(r.get("message") == "job started" for r in server.log_records())
