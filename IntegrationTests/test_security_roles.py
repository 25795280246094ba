"""Who may call what: the role x operation x context matrix, generated from
the served document (`GET /v2/openapi.json`: `x-naas-role` and
`x-naas-context-scoped` of every operation).

The server knows the contexts `default` and `lab`; every job of the matrix
is in `lab`. The callers: viewer, operator and admin API keys limited to
`lab` (the context is allowed) or to `default` (it is denied), a Basic device
login (an operator in every context), Basic with the admin secret (an admin
in every context), and nobody. For each operation the caller sends a
well-formed request from RECIPES and gets:

- 401 `/problems/unauthorized` without credentials (public operations: 2xx);
- 403 `/problems/insufficient-role` when its role is below the operation's;
- for an existing job: 403 `/problems/forbidden` when the caller neither
  owns it nor is an admin (ownership is checked before the context), else
  403 `/problems/context-denied` outside the caller's contexts;
- for a submission or another context-scoped act: 403
  `/problems/context-denied` outside the caller's contexts;
- listings are filtered instead: 200 with only what lies in the caller's
  contexts (and, below admin, what it owns);
- otherwise the recipe's success status.

An operation of the document without a recipe fails the test, so a new
operation cannot escape the matrix.
"""
from dataclasses import dataclass, field
from pathlib import Path

import ntc_templates
import pytest

from harness.contract import ContractViolation, validate_response
from harness.samples import PARKED_HOST
from harness.security import RANK, V2_CHALLENGE, Key, at, create_key

ADMIN_SECRET = "naas-admin-secret-roles-5c1e"
CONTEXTS = ("default", "lab")
TARGET_CONTEXT = "lab"
LATEST = at("latest")
NTC_TEMPLATES = Path(ntc_templates.__file__).parent / "templates"
# The submission path of each job kind.
SUBMIT_PATHS = {"command": "/v2/send-command", "structured": "/v2/send-command-structured",
                "config": "/v2/send-config"}
NO_BODY = object()
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass
class Principal:
    name: str
    role: str  # None: no credentials at all
    contexts: frozenset  # the contexts it may use
    auth: object = None
    kind: str = "key"  # key, basic, admin (the admin secret), anonymous
    identity: str = None

    def allows(self, context):
        return context in self.contexts

    def device_login(self):
        """Body fields of a submission or replay: the device login, except for
        a Basic device login, whose device login is its Basic one."""
        return {} if self.kind == "basic" else {"username": "netops", "password": "device-pw-7"}


@dataclass
class Call:
    method: str
    path: str
    body: object = NO_BODY
    success: int = 200
    check: object = None  # check(body, principal, world) on success
    owns: bool = False  # the principal owns the job the call acts on


@dataclass
class Operation:
    operation_id: str
    method: str
    template: str
    role: str
    scoped: bool
    spec: dict = field(repr=False)


def served_operations(http):
    response = http.request("GET", "/v2/openapi.json")
    document = validate_response(response)
    found = []
    for template, item in document["paths"].items():
        for method, spec in item.items():
            if method in HTTP_METHODS:
                found.append(Operation(spec["operationId"], method.upper(), template,
                                       spec.get("x-naas-role"),
                                       spec.get("x-naas-context-scoped"), spec))
    return found


class World:
    """The server, its bootstrap admin key, and the jobs the recipes act on."""

    def __init__(self, server, bootstrap):
        self.server = server
        self.http = server.client()
        self.bootstrap = bootstrap
        owner_key = create_key(self.http, bootstrap.auth, "operator", contexts=["lab"],
                               name="lab owner")
        self.owner = Principal("owner", "operator", frozenset({"lab"}), owner_key.auth,
                               identity=owner_key.identity)
        default_key = create_key(self.http, bootstrap.auth, "operator", contexts=["default"],
                                 name="default owner")
        self.default_owner = Principal("default-owner", "operator", frozenset({"default"}),
                                       default_key.auth, identity=default_key.identity)
        self.lab_job = self.submit(self.owner, "command", "lab")
        self.default_job = self.submit(self.default_owner, "command", "default")

    @staticmethod
    def job_body(who, kind="command", context=TARGET_CONTEXT):
        body = {"host": PARKED_HOST, "platform": "cisco_ios", "context": context,
                **who.device_login()}
        if kind in ("command", "structured"):
            body["commands"] = ["show version"]
        else:
            body["config"] = ["vlan 42", "name roles"]
        return body

    def submit(self, who, kind="command", context=TARGET_CONTEXT):
        path = SUBMIT_PATHS[kind]
        response = self.http.request("POST", path, auth=who.auth, json=self.job_body(who, kind, context),
                                     headers=LATEST)
        assert response.status_code == 202, (who.name, response.status_code, response.text)
        return response.json()["job_id"]

    def cancel(self, who, job_id):
        response = self.http.request("DELETE", f"/v2/jobs/{job_id}", auth=who.auth, headers=LATEST)
        assert response.status_code == 200, (who.name, response.status_code, response.text)

    def job_for(self, who, kind="command", ended=False):
        """A lab job for `who` to act on: its own when it is an operator that
        may use lab (admins act on the owner's job: they see every job), else
        the owner's. Returns (job_id, whether `who` owns it)."""
        submitter = who if (who.role == "operator" and who.allows(TARGET_CONTEXT)) else self.owner
        job_id = self.submit(submitter, kind)
        if ended:
            self.cancel(submitter, job_id)
        return job_id, submitter is who

    def fresh_key_id(self):
        """A key in the target context: the one a key-management act acts on."""
        return create_key(self.http, self.bootstrap.auth, "viewer", contexts=[TARGET_CONTEXT],
                          name="target").key_id


# --- what each operation's well-formed request is -----------------------------------

def _check_queued(body, who, world):
    assert body["status"] == "queued", body


def _submit(kind):
    def build(world, who):
        return Call("POST", SUBMIT_PATHS[kind], world.job_body(who, kind), 202, _check_queued)
    return "submit", build


def _read(kind):
    def build(world, who):
        job_id, owns = world.job_for(who, kind)

        def check(body, who, world):
            assert body["job_id"] == job_id and body["context"] == TARGET_CONTEXT, body
        return Call("GET", f"{SUBMIT_PATHS[kind]}/{job_id}", check=check, owns=owns)
    return "job", build


BATCH_PATHS = {"command": "/v2/send-command/batch", "config": "/v2/send-config/batch"}


def _batch_body(world, who, kind):
    body = world.job_body(who, kind)
    host = body.pop("host")
    return {**body, "devices": [{"host": host}]}


def _submit_batch(kind):
    def build(world, who):
        def check(body, who, world):
            assert body["status"] == "pending" and [job["context"] for job in body["jobs"]] == [TARGET_CONTEXT], body
        return Call("POST", BATCH_PATHS[kind], _batch_body(world, who, kind), 202, check)
    return "submit", build


def _read_batch(world, who):
    # Whose batch, as for jobs: its own for an operator that may use lab, else the owner's.
    submitter = who if (who.role == "operator" and who.allows(TARGET_CONTEXT)) else world.owner
    response = world.http.request("POST", BATCH_PATHS["command"], auth=submitter.auth,
                                  json=_batch_body(world, submitter, "command"), headers=LATEST)
    assert response.status_code == 202, (submitter.name, response.text)
    batch_id = response.json()["batch_id"]

    def check(body, who, world):
        assert body["batch_id"] == batch_id and body["jobs"][0]["context"] == TARGET_CONTEXT, body
    return Call("GET", f"/v2/batches/{batch_id}", check=check, owns=submitter is who)


def _cancel(world, who):
    job_id, owns = world.job_for(who)

    def check(body, who, world):
        assert body["job_id"] == job_id and body["status"] == "canceled", body
    return Call("DELETE", f"/v2/jobs/{job_id}", check=check, owns=owns)


def _replay(world, who):
    job_id, owns = world.job_for(who, ended=True)
    body = who.device_login() or NO_BODY

    def check(accepted, who, world):
        assert accepted["status"] == "queued" and accepted["job_id"] != job_id, accepted
        replayed = world.http.request("GET", f"/v2/send-command/{accepted['job_id']}",
                                      auth=who.auth, headers=LATEST)
        assert replayed.status_code == 200, replayed.text
        assert validate_response(replayed)["context"] == TARGET_CONTEXT
    return Call("POST", f"/v2/jobs/{job_id}/replay", body, 202, check, owns=owns)


def _stream(world, who):
    # An ended job: its stream sends the status and the result, then closes.
    job_id, owns = world.job_for(who, ended=True)

    def check(text, who, world):
        assert "event: result" in text and f'"job_id":"{job_id}"' in text, text
    return Call("GET", f"/v2/jobs/{job_id}/stream", check=check, owns=owns)


def _list_jobs(world, who):
    def check(body, who, world):
        listed = {entry["job_id"]: entry for entry in body["jobs"]}
        assert all(who.allows(entry["context"]) for entry in listed.values()), body
        if who.role == "admin":
            assert (world.lab_job in listed) is who.allows("lab"), (who.name, body)
            assert (world.default_job in listed) is who.allows("default"), (who.name, body)
        else:
            assert world.lab_job not in listed and world.default_job not in listed, body
    return Call("GET", "/v2/jobs?per_page=100", check=check)


def _list_failed(world, who):
    def check(body, who, world):
        assert all(who.allows(entry["context"]) for entry in body["jobs"]), body
        assert all(entry["status"] in ("failed", "finished") for entry in body["jobs"]), body
    return Call("GET", "/v2/jobs/failed?per_page=100", check=check)


def _list_contexts(world, who):
    def check(body, who, world):
        names = {entry["name"] for entry in body["contexts"]}
        assert names == set(who.contexts) & set(CONTEXTS), (who.name, body)
    return Call("GET", "/v2/contexts", check=check)


def _list_platforms(world, who):
    def check(body, who, world):
        # Not scoped to contexts: every caller sees the same platforms.
        names = [entry["name"] for entry in body["platforms"]]
        assert "cisco_ios" in names and names == sorted(names), (who.name, body)
    return Call("GET", "/v2/platforms", check=check)


def _list_templates(world, who):
    def check(body, who, world):
        # Not scoped to contexts: every caller sees the same templates.
        assert body["platform"] == "cisco_ios" and body["templates"], (who.name, body)
    return Call("GET", "/v2/templates?platform=cisco_ios", check=check)


def _create_key(world, who):
    contexts = sorted(who.contexts) if who.kind == "key" else ["*"]

    def check(body, who, world):
        assert body["role"] == "viewer" and body["created_by"] == who.identity, body
    return Call("POST", "/v2/api-keys", {"role": "viewer", "contexts": contexts}, 201, check)


def _list_keys(world, who):
    def check(body, who, world):
        assert body["api_keys"], body
        assert all("token" not in entry for entry in body["api_keys"]), body
        # A context-limited admin sees just the keys within its contexts; the
        # bootstrap key (every context) only an unlimited caller sees.
        reach = {entry["key_id"]: set(entry["contexts"]) for entry in body["api_keys"]}
        unlimited = who.kind != "key"
        assert (world.bootstrap.key_id in reach) is unlimited, (who.name, body)
        if not unlimited:
            assert all(contexts <= who.contexts for contexts in reach.values()), (who.name, body)
    return Call("GET", "/v2/api-keys", check=check)


def _revoke_key(world, who):
    return Call("DELETE", f"/v2/api-keys/{world.fresh_key_id()}", success=204)


def _rotate_key(world, who):
    key_id = world.fresh_key_id()

    def check(body, who, world):
        assert body["key_id"] == key_id and body["token"].startswith("naas_"), body
    return Call("POST", f"/v2/api-keys/{key_id}/rotate", check=check)


# operationId -> (kind, build(world, principal) -> Call). `kind` says how the
# context applies: "submit" (the request's context), "job" (an existing
# job's, after ownership), "list" (a listing, filtered), "plain".
RECIPES = {
    "v2SendCommand": _submit("command"),
    "v2SendConfig": _submit("config"),
    "v2GetCommandJob": _read("command"),
    "v2GetConfigJob": _read("config"),
    "v2SendCommandStructured": _submit("structured"),
    "v2GetStructuredCommandJob": _read("structured"),
    "v2SendCommandBatch": _submit_batch("command"),
    "v2SendConfigBatch": _submit_batch("config"),
    "v2GetBatch": ("job", _read_batch),
    "v2ListJobs": ("list", _list_jobs),
    "v2ListFailedJobs": ("list", _list_failed),
    "v2CancelJob": ("job", _cancel),
    "v2ReplayJob": ("job", _replay),
    "v2StreamJob": ("job", _stream),
    "v2ListContexts": ("list", _list_contexts),
    "v2ListPlatforms": ("plain", _list_platforms),
    "v2ListTemplates": ("plain", _list_templates),
    "v2CreateAPIKey": ("plain", _create_key),
    "v2ListAPIKeys": ("plain", _list_keys),
    "v2RevokeAPIKey": ("plain", _revoke_key),
    "v2RotateAPIKey": ("plain", _rotate_key),
}


def public_call(operation):
    assert "{" not in operation.template, f"public {operation.operation_id} needs a recipe"
    return Call(operation.method, operation.template)


def expected(operation, kind, who, call):
    """(status, problem slug or None) the matrix demands."""
    if operation.role == "public":
        return call.success, None
    if who.role is None:
        return 401, "unauthorized"
    if RANK[who.role] < RANK[operation.role]:
        return 403, "insufficient-role"
    denied = operation.scoped and not who.allows(TARGET_CONTEXT)
    if kind == "job":
        if not (call.owns or who.role == "admin"):
            return 403, "forbidden"
        return (403, "context-denied") if denied else (call.success, None)
    if kind == "list":
        return call.success, None
    return (403, "context-denied") if denied else (call.success, None)


# --- the principals -------------------------------------------------------------------

KEY_PRINCIPALS = [(role, context) for role in ("viewer", "operator", "admin")
                  for context in ("lab", "default")]
PRINCIPALS = [f"{role}-key-{context}" for role, context in KEY_PRINCIPALS] + [
    "basic-device-login", "basic-admin-secret", "anonymous"]


@pytest.fixture(scope="module")
def server(module_fleet):
    return module_fleet(workers=1, hold_jobs=True,
                        env={"NAAS_CONTEXTS": ",".join(CONTEXTS), "NAAS_ADMIN_SECRET": ADMIN_SECRET,
                             "NAAS_TEMPLATES_DIR": str(NTC_TEMPLATES)})


@pytest.fixture(scope="module")
def world(server):
    return World(server, Key(server.create_key(role="admin", name="roles bootstrap")))


@pytest.fixture(scope="module")
def principals(world):
    found = {}
    for role, context in KEY_PRINCIPALS:
        key = create_key(world.http, world.bootstrap.auth, role, contexts=[context],
                         name=f"{role} in {context}")
        name = f"{role}-key-{context}"
        found[name] = Principal(name, role, frozenset({context}), key.auth, "key", key.identity)
    found["basic-device-login"] = Principal("basic-device-login", "operator", frozenset(CONTEXTS),
                                            ("netops-roles", "device-pw-roles"), "basic",
                                            "basic:netops-roles")
    found["basic-admin-secret"] = Principal("basic-admin-secret", "admin", frozenset(CONTEXTS),
                                            ("alice", ADMIN_SECRET), "admin", "admin:alice")
    found["anonymous"] = Principal("anonymous", None, frozenset(), None, "anonymous")
    return found


@pytest.fixture(scope="module")
def operations(world):
    return served_operations(world.http)


def test_every_operation_declares_its_role_and_context_scope(operations):
    assert operations
    for operation in operations:
        assert operation.role in RANK, (operation.operation_id, operation.role)
        assert isinstance(operation.scoped, bool), (operation.operation_id, operation.scoped)
        if operation.role == "public":
            assert operation.scoped is False, operation.operation_id
            assert operation.spec.get("security") == [], operation.operation_id


def test_every_protected_operation_has_a_recipe(operations):
    missing = sorted(op.operation_id for op in operations
                     if op.role != "public" and op.operation_id not in RECIPES)
    assert not missing, f"operations of the document with no request recipe: {missing}"
    stale = sorted(set(RECIPES) - {op.operation_id for op in operations})
    assert not stale, f"recipes for operations the document does not have: {stale}"


def send(world, who, call):
    options = {} if call.body is NO_BODY else {"json": call.body}
    return world.http.request(call.method, call.path, auth=who.auth, headers=LATEST, **options)


@pytest.mark.parametrize("name", PRINCIPALS)
def test_role_operation_context_matrix(world, principals, operations, name):
    who = principals[name]
    mismatches = []
    for operation in operations:
        if operation.role == "public":
            kind, call = "plain", public_call(operation)
        else:
            assert operation.operation_id in RECIPES, operation.operation_id
            kind, build = RECIPES[operation.operation_id]
            call = build(world, who)
        status, slug = expected(operation, kind, who, call)
        response = send(world, who, call)
        where = f"{operation.operation_id} ({call.method} {call.path})"
        got = response.status_code
        try:
            body = validate_response(response)
        except ContractViolation as violation:
            mismatches.append(f"{where}: {violation}")
            continue
        if got != status:
            mismatches.append(f"{where}: expected {status} {slug or ''}, got {got}: "
                              f"{response.text[:300]}")
            continue
        try:
            if slug is not None:
                assert body["type"] == f"/problems/{slug}", body
                if slug == "insufficient-role":
                    assert operation.role in body["detail"] and who.role in body["detail"], body
                if slug == "unauthorized":
                    assert response.headers.get("WWW-Authenticate") == V2_CHALLENGE, \
                        response.headers
            elif call.check is not None:
                call.check(body, who, world)
        except AssertionError as error:
            mismatches.append(f"{where}: {status} as expected, but {error}")
    assert not mismatches, f"{who.name} ({who.role}, contexts {sorted(who.contexts)}):\n  " + \
        "\n  ".join(mismatches)


def test_public_operations_need_no_credentials(operations, world):
    public = [op for op in operations if op.role == "public"]
    assert {"v2Healthcheck", "v2Discovery", "v2OpenAPIDocument"} <= {op.operation_id for op in public}
    for operation in public:
        response = world.http.request(operation.method, operation.template)
        assert 200 <= response.status_code < 300, (operation.operation_id, response.text[:300])
        validate_response(response)
        assert "WWW-Authenticate" not in response.headers


def test_the_admin_secret_is_only_an_admin_on_v2(world):
    # On v1 every Basic login is the device's: the admin secret is just a password there.
    response = world.http.request("GET", "/v1/jobs", auth=("alice", ADMIN_SECRET))
    assert response.status_code == 200, response.text
    assert all(job["job_id"] not in (world.lab_job, world.default_job)
               for job in response.json()["jobs"])
    # Another password with the same username is a device login: an operator.
    wrong = world.http.request("GET", "/v2/api-keys", auth=("alice", ADMIN_SECRET + "x"),
                               headers=LATEST)
    assert wrong.status_code == 403, wrong.text
    assert validate_response(wrong)["type"] == "/problems/insufficient-role"
