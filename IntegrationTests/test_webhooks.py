"""Webhooks (microversion 2.13) through the real binary: a receiver on
127.0.0.1 gets each ended job's result, signed over the exact bytes it
received; failed deliveries are retried from the store, across a restart;
a receiver that hangs holds up no job; refused URLs are 422s that queue nothing."""
import time

import pytest

from harness.contract import validate_response
from harness.security import BATCHES, WEBHOOKS, at, problem
from harness.stored import stored_secrets
from peers.simulator import Simulator
from peers.webhook_receiver import WebhookReceiver
from sim_fixtures import PASSWORD, USERNAME, device_spec

AUTH = (USERNAME, PASSWORD)
SECRET = "whsec-3f9c1e7a5b2d4c6e8a0b"
FAST_RETRIES = {"WEBHOOK_ALLOW_PRIVATE": "1", "WEBHOOK_ALLOW_HTTP": "1", "WEBHOOK_RETRY_DELAY": "0.2"}


@pytest.fixture(scope="module")
def device(tmp_path_factory):
    sim = Simulator(tmp_path_factory.mktemp("webhook-sim"), [device_spec("edge-1", "cisco_ios")]).start()
    yield sim["edge-1"]
    sim.stop()


@pytest.fixture(scope="module")
def receiver(tmp_path_factory):
    server = WebhookReceiver(tls_dir=tmp_path_factory.mktemp("receiver-tls")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain_receiver():
    server = WebhookReceiver().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def running(module_fleet, receiver):
    """Trusts the receiver's certificate; private addresses and http allowed, short retry waits."""
    return module_fleet(workers=2, env={
        **FAST_RETRIES, "WEBHOOK_CA_FILE": str(receiver.cert_path), "WEBHOOK_TIMEOUT": "1", "WEBHOOK_MAX_RETRIES": "4"})


@pytest.fixture(scope="module")
def strict(module_fleet):
    """The defaults: https only, no private addresses."""
    return module_fleet(workers=1, hold_jobs=True)


def job_body(device, **extra):
    return {"host": device.host, "port": device.port, "platform": "cisco_ios", "commands": ["show version"], **extra}


def submit(server, body, path="/v2/send-command", microversion=WEBHOOKS):
    return server.client().request("POST", path, auth=AUTH, json=body, headers=at(microversion))


def accepted_id(response):
    assert response.status_code == 202, response.text
    return validate_response(response, microversion=WEBHOOKS)["job_id"]


def result(server, job_id, path="/v2/send-command", microversion=WEBHOOKS):
    response = server.client().request("GET", f"{path}/{job_id}", auth=AUTH, headers=at(microversion))
    assert response.status_code == 200, response.text
    return validate_response(response, microversion=microversion)


def webhook_settled(server, job_id, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        job = result(server, job_id)
        if job["webhook"]["status"] != "pending" or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def test_an_ended_job_is_posted_signed_over_the_bytes_received(running, device, receiver):
    job_id = accepted_id(submit(running, job_body(
        device, webhook_url=receiver.url("/signed"), webhook_secret=SECRET, tags={"change": "CHG-7"})))
    job = webhook_settled(running, job_id)
    assert job["status"] == "finished", job
    [delivery] = receiver.at("/signed")
    assert delivery.signature_is_valid(SECRET), delivery.headers
    assert not delivery.signature_is_valid(SECRET + "x")
    assert delivery.headers["X-NAAS-Delivery"] == job_id and delivery.headers["X-NAAS-Attempt"] == "1"
    assert delivery.headers["X-NAAS-Event"] == "job.ended"
    assert delivery.headers["Content-Type"] == "application/json"
    posted = delivery.json()
    # The result as its route shows it at the submission's microversion, without the delivery's own state.
    assert posted == {key: value for key, value in job.items() if key != "webhook"}, posted
    assert posted["results"]["show version"] and posted["tags"] == {"change": "CHG-7"}
    webhook = job["webhook"]
    assert webhook["url"] == receiver.url("/signed") and webhook["status"] == "delivered", webhook
    assert webhook["attempts"] == 1 and webhook["last_error"] is None and webhook["delivered_at"], webhook


def test_a_host_name_is_verified_against_the_receivers_certificate(running, device, receiver):
    job_id = accepted_id(submit(running, job_body(device, webhook_url=receiver.url("/by-name", host="localhost"))))
    job = webhook_settled(running, job_id)
    assert job["webhook"]["status"] == "delivered", job["webhook"]
    [delivery] = receiver.at("/by-name")
    assert "X-NAAS-Signature" not in delivery.headers, "no secret, no signature"


def test_a_receiver_failing_twice_gets_three_deliveries(running, device, receiver):
    receiver.script("/flaky", [500, 503, 204])
    job_id = accepted_id(submit(running, job_body(device, webhook_url=receiver.url("/flaky"), webhook_secret=SECRET)))
    job = webhook_settled(running, job_id)
    deliveries = receiver.at("/flaky")
    assert [d.headers["X-NAAS-Attempt"] for d in deliveries] == ["1", "2", "3"], deliveries
    assert all(d.signature_is_valid(SECRET) for d in deliveries)
    assert len({d.body for d in deliveries}) == 1, "every attempt posts the same result"
    # Doubling waits: 0.2 s, then 0.4 s.
    gaps = [later.received_at - earlier.received_at for earlier, later in zip(deliveries, deliveries[1:])]
    assert gaps[0] >= 0.18 and gaps[1] >= 0.38, gaps
    webhook = job["webhook"]
    assert webhook["status"] == "delivered" and webhook["attempts"] == 3 and webhook["last_error"] is None, webhook


def test_a_delivery_whose_attempts_run_out_is_failed_and_audited(running, device, receiver):
    receiver.script("/down?token=t0ps3cret", [500])
    job_id = accepted_id(submit(running, job_body(device, webhook_url=receiver.url("/down?token=t0ps3cret"))))
    job = webhook_settled(running, job_id)
    webhook = job["webhook"]
    assert webhook["status"] == "failed" and webhook["attempts"] == 4, webhook
    assert webhook["last_error"] == "the receiver answered HTTP 500" and webhook["delivered_at"] is None, webhook
    assert len(receiver.at("/down?token=t0ps3cret")) == 4
    audit = [r for r in running.log_records() if r.get("event") == "webhook.failed" and r.get("job_id") == job_id]
    assert len(audit) == 1 and audit[0]["attempts"] == "4" and audit[0]["webhook_host"] == "127.0.0.1", audit
    assert "t0ps3cret" not in str(audit), "the URL's query stays out of the audit log"


def test_a_hanging_receiver_holds_up_no_job(running, device, receiver):
    receiver.script("/hang", "hang")
    started = time.monotonic()
    hung = accepted_id(submit(running, job_body(device, webhook_url=receiver.url("/hang"))))
    receiver.wait_for("/hang", 1)
    others = [accepted_id(submit(running, job_body(device))) for _ in range(6)]
    for job_id in others:
        job = running.client().wait_for_job(job_id, AUTH, path="/v2/send-command", timeout=20)
        assert job["status"] == "finished", job
    job = result(running, hung)
    assert job["status"] == "finished", job
    # Each attempt is let go after WEBHOOK_TIMEOUT (1 s) and retried.
    deadline = time.monotonic() + 15
    while job["webhook"]["attempts"] < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        job = result(running, hung)
    assert job["webhook"]["attempts"] >= 2, job["webhook"]
    assert job["webhook"]["last_error"] == "no answer within 1 s", job["webhook"]
    assert time.monotonic() - started < 30


def test_a_batch_posts_each_jobs_result(running, device, receiver):
    body = {"commands": ["show version"], "webhook_url": receiver.url("/batch"), "webhook_secret": SECRET,
            "devices": [{"host": device.host, "port": device.port}, {"host": device.host, "port": device.port}]}
    response = running.client().request("POST", "/v2/send-command/batch", auth=AUTH, json=body, headers=at(WEBHOOKS))
    assert response.status_code == 202, response.text
    jobs = {job["job_id"] for job in validate_response(response, microversion=WEBHOOKS)["jobs"]}
    deliveries = receiver.wait_for("/batch", 2)
    assert {d.headers["X-NAAS-Delivery"] for d in deliveries} == jobs
    assert all(d.signature_is_valid(SECRET) and d.json()["job_id"] in jobs for d in deliveries)


def test_a_delivery_due_across_a_restart_is_made_after_it(naas_factory, device, plain_receiver):
    server = naas_factory(workers=1, http=False, env={**FAST_RETRIES, "WEBHOOK_RETRY_DELAY": "4"})
    plain_receiver.script("/restart", [500, 200])
    job_id = accepted_id(submit(server, job_body(device, webhook_url=plain_receiver.url("/restart"), webhook_secret=SECRET)))
    plain_receiver.wait_for("/restart", 1)
    server.stop()
    server.start()
    job = webhook_settled(server, job_id)
    deliveries = plain_receiver.at("/restart")
    assert [d.headers["X-NAAS-Attempt"] for d in deliveries] == ["1", "2"], deliveries
    assert job["webhook"]["status"] == "delivered" and job["webhook"]["attempts"] == 2, job["webhook"]
    assert deliveries[1].signature_is_valid(SECRET), "the sealed secret survived the restart"
    # Settled: the secret is erased from the store, and was never there in clear.
    assert stored_secrets(server.store_snapshot(), {"webhook_secret": SECRET.encode()}) == []


@pytest.mark.parametrize("url, reason", [
    ("http://hooks.example.com/naas", "must use https"),
    ("https://127.0.0.1:8443/hook", "loopback"),
    ("https://localhost/hook", "loopback"),
    ("https://[::1]/hook", "loopback"),
    ("https://10.20.30.40/hook", "private"),
    ("https://192.168.1.1/hook", "private"),
    ("https://169.254.169.254/latest/meta-data", "link-local"),
    ("https://user:pw@hooks.example.com/naas", "must not carry a login"),
    ("ftp://hooks.example.com/naas", "must be an https URL"),
    ("not a url", "not a URL"),
    ("https://no-such-host.invalid/hook", "does not resolve"),
])
def test_a_refused_receiver_is_a_422_naming_the_field(strict, device, url, reason):
    response = submit(strict, job_body(device, webhook_url=url))
    body = problem(response, 422, "validation-error", microversion=WEBHOOKS)
    [error] = body["errors"]
    assert error["loc"] == ["webhook_url"] and reason in error["msg"], error


@pytest.mark.parametrize("fields, location, reason", [
    ({"webhook_secret": SECRET}, "webhook_secret", "send it with webhook_url"),
    ({"webhook_url": "https://hooks.example.com/x", "webhook_secret": ""}, "webhook_secret", "1 to 1024"),
    ({"webhook_url": "https://hooks.example.com/x", "webhook_secret": 7}, "webhook_secret", "must be a string"),
    ({"webhook_url": ["https://hooks.example.com/x"]}, "webhook_url", "must be a string"),
])
def test_malformed_webhook_fields_are_422s(strict, device, fields, location, reason):
    body = problem(submit(strict, job_body(device, **fields)), 422, "validation-error", microversion=WEBHOOKS)
    assert any(e["loc"] == [location] and reason in e["msg"] for e in body["errors"]), body["errors"]


def test_webhook_fields_are_refused_below_2_13_and_nothing_is_queued(strict, device):
    before = strict.client().request("GET", "/v2/jobs", auth=AUTH, headers=at(WEBHOOKS)).json()["pagination"]["total"]
    response = submit(strict, job_body(device, webhook_url="https://hooks.example.com/x"), microversion=BATCHES)
    body = problem(response, 422, "validation-error", microversion=BATCHES)
    assert any(e["loc"] == ["webhook_url"] for e in body["errors"]), body
    after = strict.client().request("GET", "/v2/jobs", auth=AUTH, headers=at(WEBHOOKS)).json()["pagination"]["total"]
    assert after == before


def test_results_show_webhook_from_2_13_only(strict, device):
    job_id = accepted_id(submit(strict, job_body(device)))
    assert result(strict, job_id)["webhook"] is None
    assert "webhook" not in result(strict, job_id, microversion=BATCHES)


def test_a_submission_with_a_webhook_gets_its_own_job(strict, device):
    plain = [validate_response(submit(strict, job_body(device, tags={"dup": "plain"})), microversion=WEBHOOKS) for _ in range(2)]
    assert plain[1]["deduplicated"] and plain[1]["job_id"] == plain[0]["job_id"], "deduplication is on"
    hooked = job_body(device, tags={"dup": "hooked"}, webhook_url="https://192.0.2.1/hook")
    first, second = (validate_response(submit(strict, hooked), microversion=WEBHOOKS) for _ in range(2))
    assert not second["deduplicated"] and second["job_id"] != first["job_id"], second
    assert result(strict, second["job_id"])["webhook"]["status"] == "pending"
