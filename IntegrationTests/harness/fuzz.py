"""Schemathesis against a live server: the run itself, and what it needs in its process.

This file has two roles.

In the test process, `FuzzRun` describes one run (which document, which
fixed headers) and `run_schemathesis()` runs the Schemathesis CLI in a child
process against a server on 127.0.0.1 and returns its exit code and output.

In that child process Schemathesis loads this same file as its hooks module
(`SCHEMATHESIS_HOOKS`, with `NAAS_FUZZ_HOOKS=1` in the environment) and gets
what the documents cannot say in JSON Schema:

- `X-Request-ID` on a submission becomes the job id, so a UUID that was used
  once is refused with 400 the second time (documented). Schemathesis draws
  the same UUIDs again (deterministic mode, the coverage phase's fixed
  values, links from one response's `X-Request-ID` to the next request), so
  a submission whose id is already taken is sent with a fresh UUID instead.
- The credentials are the *device's* login, passed through to the device:
  the server cannot tell right ones from wrong ones, so Schemathesis'
  `ignored_auth` (which also expects made-up credentials to be refused) does
  not apply. The check `credentials_required` keeps the part that does
  apply: a request the server answered with 2xx, sent again without
  credentials, gets 401 with a Basic challenge.
- A `textfsm_template` (`format: textfsm-template`) must compile, which
  JSON Schema cannot say: a generated one is sent as one of a few templates
  that do (a random string is a documented 422, not a schema-valid request;
  the coverage phase ignores format strategies, so it is swapped at send).
- `NAAS_FUZZ_OMIT_HEADERS` names header parameters to drop from the document
  before generation (a client that never sends them).

Stdlib, requests and schemathesis only: the child loads this file by path,
outside the `harness` package.
"""
import base64
import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HOOKS_ENV = "NAAS_FUZZ_HOOKS"
OMIT_HEADERS_ENV = "NAAS_FUZZ_OMIT_HEADERS"

# HTTP Basic credentials: every generated request is sent as `fuzz`; `other`
# is the second caller that Schemathesis' `object_level_authorization` check
# replays `fuzz`'s reads as (another caller's job must stay invisible).
USERS = {"fuzz": "fuzz-pw-1", "other": "fuzz-pw-2"}
CALLER = "fuzz"

# Every check of Schemathesis runs except this one: made-up credentials are
# accepted by design (they are the device's own login, checked by the device
# when a worker runs the job). The part that applies (no credentials at all:
# 401) is `credentials_required` below.
EXCLUDED_CHECKS = ("ignored_auth",)

# Settings the CLI has no flag for (schemathesis.toml).
CONFIG = """\
[generation]
# Schemathesis counts an undeclared query parameter as invalid input that
# must be refused. OpenAPI does not close the set of query parameters, and
# neither do these documents: like an unknown body field (the request schemas
# allow additional properties), an unknown query parameter is ignored.
allow-extra-parameters = false

[auth.wfc]
path = {path}
user = "{caller}"
peers = {peers}
"""


def auth_document():
    """The Web Fuzzing Commons auth file naming USERS."""
    def basic(user, password):
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"auth": [{"name": user, "fixedHeaders": [{"name": "Authorization",
                                                      "value": basic(user, password)}]}
                     for user, password in USERS.items()]}


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                   "all_proxy", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE")


@dataclass(frozen=True)
class FuzzRun:
    """One Schemathesis run: a document of the live server and fixed request headers."""

    name: str
    document: str  # path and query of the OpenAPI document on the server
    headers: dict = field(default_factory=dict)
    omit_headers: tuple = ()  # header parameters the client never sends

    def __str__(self):
        return self.name


@dataclass
class FuzzResult:
    command: list
    returncode: int
    output: str
    seconds: float

    @property
    def passed(self):
        return self.returncode == 0

    def report(self):
        """The command and Schemathesis' own report, for an assertion message."""
        shown = " ".join(self.command[3:])  # after `python -m schemathesis.cli`
        return f"$ schemathesis {shown}\n(exit {self.returncode} after {self.seconds:.0f}s)\n\n{self.output}"


def command(base_url, run, workdir, max_examples):
    workdir = Path(workdir)
    auth = workdir / "auth.json"
    auth.write_text(json.dumps(auth_document(), indent=2))
    config = workdir / "schemathesis.toml"
    config.write_text(CONFIG.format(path=json.dumps(str(auth)), caller=CALLER,
                                    peers=json.dumps(list(USERS))))
    argv = [sys.executable, "-m", "schemathesis.cli", "--no-color", "--config-file", str(config),
            "run", base_url + run.document,
            "--tls-verify", "false",
            "--checks", "all",
            "--exclude-checks", ",".join(sorted(EXCLUDED_CHECKS)),
            # Every operation: without a filter that names it, the one that
            # served the document (GET /vN/openapi.json) would be left out.
            "--include-path-regex", "^/",
            "--phases", "examples,coverage,fuzzing,stateful",
            "--max-examples", str(max_examples),
            # Same inputs on every run: a failure in CI is a failure on a laptop.
            "--generation-deterministic",
            "--workers", "1",
            "--request-timeout", "10",
            # Nothing but the server under test is ever contacted.
            "--max-redirects", "0",
            "--report", "junit",
            "--report-dir", str(workdir / "report")]
    for name, value in run.headers.items():
        argv += ["--header", f"{name}: {value}"]
    return argv


def run_schemathesis(base_url, run, workdir, *, max_examples, timeout):
    """Run the Schemathesis CLI for `run` against `base_url`; returns a FuzzResult."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    argv = command(base_url, run, workdir, max_examples)
    env = {key: value for key, value in os.environ.items() if key not in PROXY_VARIABLES}
    env.update({
        "NO_PROXY": "*", "no_proxy": "*",
        "SCHEMATHESIS_HOOKS": str(Path(__file__).resolve()),
        HOOKS_ENV: "1",
        OMIT_HEADERS_ENV: ",".join(run.omit_headers),
        "PYTHONHASHSEED": "0",
        "COLUMNS": "120",
    })
    started = time.monotonic()
    completed = subprocess.run(argv, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=timeout, check=False)
    output = completed.stdout.decode(errors="replace")
    (workdir / "schemathesis.log").write_text(output)
    return FuzzResult(argv, completed.returncode, output, time.monotonic() - started)


# ---------------------------------------------------------------------------
# Inside the Schemathesis process.


UUID_PATTERN = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")


def _requires_credentials(operation):
    security = operation.definition.raw.get("security",
                                            operation.schema.raw_schema.get("security", []))
    return bool(security) and {} not in security


# Templates that compile, for `format: textfsm-template`.
TEXTFSM_TEMPLATES = (
    "Value TIME (\\S+)\n\nStart\n  ^\\*?${TIME}\\s -> Record\n",
    "Value Required,Key NAME (\\w+)\nValue List ITEMS (\\d+)\n\nStart\n  ^${NAME}:\\s+${ITEMS} -> Continue\n  ^\\s*$$ -> Record\n",
    "Value Filldown HOST (\\S+)\nValue PORT (\\S+)\n\nStart\n  ^host ${HOST}\n  ^port ${PORT} -> Record\n",
)


def _register_hooks():
    import requests
    import schemathesis

    omitted = {name.strip().lower() for name in os.environ.get(OMIT_HEADERS_ENV, "").split(",")
               if name.strip()}
    taken_ids = set()
    probed = set()
    lock = threading.Lock()

    @schemathesis.hook
    def before_load_schema(ctx, raw_schema):
        if not omitted:
            return
        shared = raw_schema.get("components", {}).get("parameters", {})

        def dropped(parameter):
            if "$ref" in parameter:
                parameter = shared.get(parameter["$ref"].rsplit("/", 1)[-1], {})
            return parameter.get("in") == "header" and parameter.get("name", "").lower() in omitted

        for item in raw_schema.get("paths", {}).values():
            for operation in [item, *item.values()]:
                if isinstance(operation, dict) and isinstance(operation.get("parameters"), list):
                    operation["parameters"] = [p for p in operation["parameters"] if not dropped(p)]

    @schemathesis.hook
    def before_call(ctx, case, **kwargs):
        if case.method.upper() != "POST":
            return
        body = case.body
        if isinstance(body, dict) and isinstance(body.get("textfsm_template"), str) \
                and body["textfsm_template"] not in TEXTFSM_TEMPLATES:
            body["textfsm_template"] = TEXTFSM_TEMPLATES[len(body["textfsm_template"]) % len(TEXTFSM_TEMPLATES)]
        if not case.headers:
            return
        for name in list(case.headers):
            if name.lower() == "x-request-id" and UUID_PATTERN.match(str(case.headers[name])):
                with lock:
                    if case.headers[name].lower() in taken_ids:
                        case.headers[name] = str(uuid.uuid4())
                    taken_ids.add(case.headers[name].lower())

    @schemathesis.hook
    def after_call(ctx, case, response):
        if case.method.upper() == "POST" and 200 <= response.status_code < 300:
            with lock:
                for value in response.headers.get("x-request-id", []):
                    taken_ids.add(value.lower())

    @schemathesis.check
    def credentials_required(ctx, response, case):
        """A 2xx of an operation that requires credentials is a 401 without them."""
        if not 200 <= response.status_code < 300 or not _requires_credentials(case.operation):
            return None
        with lock:
            if case.operation.label in probed:
                return None
            probed.add(case.operation.label)
        request = response.request.copy()
        request.headers.pop("Authorization", None)
        if case.method.upper() == "POST":
            request.headers["X-Request-ID"] = str(uuid.uuid4())
        with requests.Session() as session:
            session.trust_env = False
            probe = session.send(request, verify=False, timeout=10, allow_redirects=False)
        challenge = probe.headers.get("WWW-Authenticate", "")
        if probe.status_code != 401 or not challenge.startswith("Basic "):
            raise AssertionError(
                f"{case.method} {request.url} without credentials answered {probe.status_code} "
                f"(WWW-Authenticate: {challenge or 'absent'}); expected 401 with a Basic "
                f"challenge\n{probe.text[:500]}")
        return None


if os.environ.get(HOOKS_ENV) == "1":
    _register_hooks()
