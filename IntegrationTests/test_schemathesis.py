"""Schemathesis (property-based testing from the OpenAPI documents) against a
live server, once per major and, for v2, per microversion: every response to
every generated request, valid or not, must be what the document allows.

The server runs with `--workers 1 --hold-jobs`: its worker is live, so
submissions are accepted (with no live worker every one would be a 503), but
it starts no job. Generated jobs name arbitrary hosts, and no job may ever
run, so nothing leaves 127.0.0.1 (the test checks the log for it afterwards).
Generation is deterministic (no seed, no example database) and bounded by
MAX_EXAMPLES per operation.

v2 is fuzzed against the document as served at one microversion
(`/v2/openapi.json?microversion=X`): the full document describes the newest
one, where 2.1 fields are required, which a 2.0 response must not carry.
- default: the client never sends `NAAS-API-Version`, so the server answers at
  2.0 (the minimum), checked against the 2.0 document;
- 2.1: every request carries `NAAS-API-Version: 2.1`, checked against the 2.1
  document.
What each run leaves out, and why, is in harness/fuzz.py.
"""
import pytest

from harness.fuzz import FuzzRun, run_schemathesis

MAX_EXAMPLES = 25  # per operation and phase; the three runs take about a minute
TIMEOUT = 240  # seconds for one run; it takes well under a minute

RUNS = [
    FuzzRun("v1", "/v1/openapi.json"),
    FuzzRun("v2-default", "/v2/openapi.json?microversion=2.0",
            omit_headers=("NAAS-API-Version",)),
    FuzzRun("v2-2.1", "/v2/openapi.json?microversion=2.1",
            headers={"NAAS-API-Version": "2.1"}),
]


@pytest.mark.parametrize("run", RUNS, ids=str)
def test_schemathesis_finds_no_failure(run, naas_factory, tmp_path):
    server = naas_factory(workers=1, hold_jobs=True)
    assert "--hold-jobs" in map(str, server.argv()), \
        "generated jobs name arbitrary hosts: they must never run"
    result = run_schemathesis(server.base_url, run, tmp_path, max_examples=MAX_EXAMPLES,
                              timeout=TIMEOUT)
    server.stop()  # flush the log before reading it
    started = [r for r in server.log_records() if r.get("message") == "job started"]
    assert not started, f"a generated job ran (it may have left 127.0.0.1): {started[:3]}"
    if not result.passed:
        pytest.fail(result.report(), pytrace=False)
