"""End-to-end latency of one-command jobs through a running `naas serve`.

Each round submits `show version`, then polls the result every millisecond
until the job ends; the sample is submit-to-finished as the client sees it.
Rounds are sequential, so every job is a cold one: a fresh SSH connection
to the device, nothing else queued. The HTTPS connection is opened before
timing starts (a keep-alive client pays the TLS handshake once, not per job).

With --structured each round is a pair on the same server: the plain job
and the same command through `POST /v2/send-command-structured`
(microversion 2.8, the same Basic device login), whose output the worker
parses with ntc-templates, in alternating order. A structured round counts
only when the result holds `show version`'s record with its version filled
in and no parse error. The summary is the structured jobs'; the median of
the per-pair differences (structured minus plain) is what structure costs,
with the noise of the shared fake switch and CPU paired out.

With --warm each round is a pair through `POST /v2/send-command` at
microversion 2.14, each read with `?wait=` (the answer comes as the job
ends, no polling): a cold job (`reuse_session: false`: connect, log in,
set up, run, close) and a warm one, which runs on the idle session the
previous warm job left, in alternating order. The summary is the warm
jobs'; the cold ones' median is printed beside it.

Requests go through loopback_client.py (http.client, keep-alive): through
requests the client's own Python would be a third of a warm job's time.
The warm run also prints the floor under a waited job, two bare HTTPS
round trips on the same connection (`two_bare_requests_p50_ms`).

Prints one JSON line (see stats.py) plus the server's own split of the
median job: queue wait (enqueued -> started) and run (started -> ended).
"""
import argparse
import json
import statistics
import sys
import time
from datetime import datetime

from loopback_client import LoopbackClient
from stats import summary

EXPECTED = "Cisco IOS Software"
COMMAND = "show version"
STRUCTURED_VERSION = "2.8"  # the microversion that brought POST /v2/send-command-structured
REUSE_VERSION = "2.14"  # the microversion that brought reuse_session


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="https://127.0.0.1:PORT")
    parser.add_argument("--device-port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--poll", type=float, default=0.001, help="seconds between result polls")
    parser.add_argument("--structured", action="store_true",
                        help="submit to /v2/send-command-structured and check the parsed record")
    parser.add_argument("--warm", action="store_true",
                        help="pairs of a cold job (reuse_session: false) and a warm one (a reused session)")
    return parser.parse_args()


def stamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() if text else None


def submitted_id(http, route, body, headers):
    status, answer, text = http.post(route, body, headers=headers)
    if status != 202:
        sys.exit(f"submit answered {status}: {text[:300]}")
    return answer["job_id"]


def one_job(http, args, body, structured=False):
    route = "/v2/send-command-structured" if structured else "/v1/send_command"
    headers = {"NAAS-API-Version": STRUCTURED_VERSION} if structured else {}
    started = time.perf_counter()
    job_id = submitted_id(http, route, body, headers)
    while True:
        job = http.get(f"{route}/{job_id}", headers=headers)[1]
        if job["status"] not in ("queued", "started"):
            elapsed_ms = (time.perf_counter() - started) * 1000
            break
        time.sleep(args.poll)
    if job["status"] != "finished" or job.get("error_code") or not answered(job, structured):
        sys.exit(f"job {job_id} did not return {'a parsed' if structured else repr(EXPECTED)} "
                 f"{COMMAND!r}: {json.dumps(job)[:500]}")
    return elapsed_ms, job


def answered(job, structured):
    """The plain job's text, or the structured job's record: a fast wrong answer must not pass."""
    output = (job.get("results") or {}).get(COMMAND)
    if not structured:
        return EXPECTED in (output or "")
    return (isinstance(output, list) and len(output) == 1 and output[0].get("version")
            and not job.get("parse_errors"))


def server_split(jobs):
    """Median queue wait and run time from the job timestamps (millisecond resolution)."""
    try:
        waits = [(stamp(j["started_at"]) - stamp(j["enqueued_at"])) * 1000 for j in jobs]
        runs = [(stamp(j["ended_at"]) - stamp(j["started_at"])) * 1000 for j in jobs]
    except (KeyError, TypeError, ValueError):
        return {}
    return {"server_queue_wait_p50_ms": round(statistics.median(waits), 1),
            "server_run_p50_ms": round(statistics.median(runs), 1)}


def main():
    args = parse_args()
    http = LoopbackClient(args.url, args.user, args.password)
    if http.get("/healthcheck")[0] != 200:
        sys.exit("the server is not healthy")
    body = {"host": "127.0.0.1", "port": args.device_port, "platform": "cisco_ios", "commands": [COMMAND]}
    if args.structured:
        result = paired_run(http, args, body)
    elif args.warm:
        result = warm_cold_run(http, args, body)
    else:
        samples, jobs = zip(*(one_job(http, args, body) for _ in range(args.count)))
        result = summary("naas_end_to_end", samples)
        result.update(server_split(jobs))
    print(json.dumps(result, sort_keys=True), flush=True)


def paired_run(http, args, body):
    """Plain and structured jobs in pairs, alternating which goes first."""
    plain, structured = [], []
    for index in range(args.count):
        kinds = (False, True) if index % 2 == 0 else (True, False)
        for kind in kinds:
            (structured if kind else plain).append(one_job(http, args, body, structured=kind))
    result = summary("naas_end_to_end_structured", [elapsed for elapsed, _ in structured])
    result.update(server_split([job for _, job in structured]))
    result["paired_plain_p50_ms"] = round(statistics.median(elapsed for elapsed, _ in plain), 3)
    result["paired_difference_p50_ms"] = round(
        statistics.median(s - p for (s, _), (p, _) in zip(structured, plain)), 3)
    plain_split = server_split([job for _, job in plain])
    if plain_split:
        result["paired_plain_server_run_p50_ms"] = plain_split["server_run_p50_ms"]
    return result

def waited_job(http, args, body):
    """One v2 job, its result read with ?wait= so it answers the moment the job ends."""
    headers = {"NAAS-API-Version": REUSE_VERSION}
    started = time.perf_counter()
    job_id = submitted_id(http, "/v2/send-command", body, headers)
    job = http.get(f"/v2/send-command/{job_id}", params={"wait": 30}, headers=headers)[1]
    elapsed_ms = (time.perf_counter() - started) * 1000
    if job["status"] != "finished" or job.get("error_code") or not answered(job, False):
        sys.exit(f"job {job_id} did not return {EXPECTED!r}: {json.dumps(job)[:500]}")
    return elapsed_ms, job


def bare_pair_p50(http, count):
    """The floor under a waited job: two unauthenticated round trips (a job's submission and its result read)."""
    samples = []
    for _ in range(max(count, 20)):
        started = time.perf_counter()
        http.get("/healthcheck")
        http.get("/healthcheck")
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 3)


def warm_cold_run(http, args, body):
    """Cold and warm jobs in pairs, alternating which goes first; one untimed warm job opens the session."""
    cold_body = dict(body, reuse_session=False)
    waited_job(http, args, body)
    warm, cold = [], []
    for index in range(args.count):
        order = (True, False) if index % 2 == 0 else (False, True)
        for reused in order:
            (warm if reused else cold).append(waited_job(http, args, body if reused else cold_body))
    result = summary("naas_end_to_end_warm", [elapsed for elapsed, _ in warm])
    result.update(server_split([job for _, job in warm]))
    result["cold_p50_ms"] = round(statistics.median(elapsed for elapsed, _ in cold), 3)
    result["two_bare_requests_p50_ms"] = bare_pair_p50(http, args.count)
    cold_split = server_split([job for _, job in cold])
    if cold_split:
        result["cold_server_run_p50_ms"] = cold_split["server_run_p50_ms"]
    return result


if __name__ == "__main__":
    main()
