"""Session-wide peers (fake switches, sshd, silent ports) and naas servers.

Fixture API
- naas_bin: path of the binary (env NAAS_BIN, default .build/debug/naas).
- fake_switches / sw_user / sw_enabled / sw_2960: Cisco-like Targets.
- sshd / linux_target / no_prompt_target: the OpenSSH peer and its two logins.
- legacy_sshd / legacy_target: an sshd that negotiates only legacy algorithms.
- kbdint_sshd / kbdint_target: an sshd that takes keyboard-interactive logins only.
- blackhole_target / closed_target: TCP that never answers / is refused.
- sw_user_relay: a loopback port relayed to sw_user that can be switched
  off (refused) and on (.off()/.on(); .target is the Target through it).
- naas, client: a shared server (4 workers) and its NaasClient.
- naas_idle, idle_client: a shared server with --workers 1 --hold-jobs (the
  worker is live, so submissions are accepted, but jobs stay queued).
- naas_factory(workers=.., env=.., http=.., args=.., hold_jobs=..): servers of
  the test's own, stopped when the test ends; .start()/.kill()/.stop() for
  restarts. module_fleet: the same, shared by one test module.
  Every server gets very high rate limits, lockout and circuit breaker
  thresholds (harness/server.py GENEROUS_LIMITS) unless `env` sets them.
- cli_key(server, role=.., contexts=.., ttl=.., name=..): an API key made with
  `naas keys create` on the server's data dir (no HTTP), as a harness.security.Key.
- caller / new_caller(): fresh Basic credentials (job listings start empty).
- postgres: a real PostgreSQL server for the session (scripts/postgres.sh);
  .new_database() is the URL of a fresh database, .stop()/.start() restart it.
- suite_store: the store every harness server runs on. NAAS_IT_STORE=postgresql
  gives each server a fresh database on a PostgreSQL server of the suite's own
  (never the `postgres` above, which fault tests stop); the default is each
  server's embedded SQLite file.
"""
import os
import secrets
from dataclasses import replace
from pathlib import Path

import pytest

from harness.fleet import ServerFleet
from harness.security import Key
from peers.kbdint_sshd import keyboard_only_sshd
from peers.legacy_sshd import legacy_only_sshd
from peers.net import LOOPBACK
from peers.openssh import OpenSSHServer
from peers.relay import SwitchableRelay
from peers.silent import Blackhole, closed_port
from peers.switches import FakeSwitches
from peers.target import Target

REPO = Path(__file__).resolve().parent.parent
STORE = os.environ.get("NAAS_IT_STORE", "sqlite")
STORES = ("sqlite", "postgresql")


# Modules that start no naas server on the suite's store (they drive the simulator with
# Netmiko, run `naas parse`, read the documents, or run on PostgreSQL in any case):
# the PostgreSQL pass skips them, as they would only repeat the SQLite pass.
SAME_ON_EVERY_STORE = {
    "test_simulator_netmiko.py", "test_simulator_templates.py", "test_parse_cli.py",
    "test_openapi_documents.py", "test_fleet.py",
}


def pytest_report_header(config):
    return f"naas store: {STORE}"


def pytest_collection_modifyitems(config, items):
    if STORE == "sqlite":
        return
    repeated = pytest.mark.skip(reason="starts no server on the suite's store: run by the SQLite pass")
    for item in items:
        if item.path.name in SAME_ON_EVERY_STORE:
            item.add_marker(repeated)


def _temporary_postgres():
    """A PostgreSQL server in a fresh directory on a free port, removed at the end."""
    import shutil
    import tempfile
    from peers.net import free_port
    from peers.postgres import PostgresServer
    # Not under pytest's own temp root: that is private to root, and the server runs as `postgres`.
    directory = tempfile.mkdtemp(prefix="naas-it-postgres-")
    server = PostgresServer(directory, free_port()).start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def naas_bin():
    configured = os.environ.get("NAAS_BIN")
    path = Path(configured).resolve() if configured else REPO / ".build/debug/naas"
    if not os.access(path, os.X_OK):
        pytest.fail(f"naas binary not found at {path}: build it or set NAAS_BIN", pytrace=False)
    return path


def pytest_runtest_setup(item):
    item.servers_before = len(ServerFleet.everyone)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, attach the log tail of the servers the test may have used:
    the shared ones still running and any it started itself."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        first_own = getattr(item, "servers_before", len(ServerFleet.everyone))
        for index, server in enumerate(ServerFleet.everyone):
            if (server.running() or index >= first_own) and server.log_paths:
                latest = server.log_paths[-1]
                tail = "\n".join(latest.read_text(errors="replace").splitlines()[-25:])
                report.sections.append((f"naas log {latest}", tail))


@pytest.fixture(scope="session")
def suite_store():
    if STORE not in STORES:
        pytest.fail(f"NAAS_IT_STORE={STORE!r}: use one of {', '.join(STORES)}", pytrace=False)
    if STORE == "sqlite":
        yield None
    else:
        yield from _temporary_postgres()


@pytest.fixture(scope="session")
def _session_fleet(naas_bin, tmp_path_factory, suite_store):
    fleet = ServerFleet(naas_bin, tmp_path_factory, database=suite_store)
    yield fleet
    fleet.stop_all()


@pytest.fixture
def naas_factory(naas_bin, tmp_path_factory, suite_store):
    fleet = ServerFleet(naas_bin, tmp_path_factory, database=suite_store)
    yield fleet
    fleet.stop_all()


@pytest.fixture(scope="module")
def module_fleet(naas_bin, tmp_path_factory, suite_store):
    fleet = ServerFleet(naas_bin, tmp_path_factory, database=suite_store)
    yield fleet
    fleet.stop_all()


@pytest.fixture
def cli_key():
    """Creates an API key with `naas keys create` (works while the server runs)."""
    def make(server, role="admin", contexts=None, ttl=None, name=None):
        return Key(server.create_key(role=role, contexts=contexts, ttl=ttl, name=name))
    return make


@pytest.fixture(scope="session")
def naas(_session_fleet):
    return _session_fleet(workers=4)


@pytest.fixture(scope="session")
def client(naas):
    return naas.client()


@pytest.fixture(scope="session")
def naas_idle(_session_fleet):
    return _session_fleet(workers=1, hold_jobs=True)


@pytest.fixture(scope="session")
def idle_client(naas_idle):
    return naas_idle.client()


@pytest.fixture
def new_caller():
    def make():
        return (f"caller-{secrets.token_hex(4)}", f"pw-{secrets.token_hex(8)}")
    return make


@pytest.fixture
def caller(new_caller):
    return new_caller()


@pytest.fixture(scope="session")
def fake_switches(tmp_path_factory):
    peer = FakeSwitches(tmp_path_factory.mktemp("fake-switches"))
    try:
        yield peer.start()
    finally:
        peer.stop()


@pytest.fixture(scope="session")
def sw_user(fake_switches):
    return fake_switches["sw-user"]


@pytest.fixture(scope="session")
def sw_enabled(fake_switches):
    return fake_switches["sw-enabled"]


@pytest.fixture(scope="session")
def sw_2960(fake_switches):
    return fake_switches["sw-2960"]


@pytest.fixture(scope="session")
def sshd(tmp_path_factory):
    peer = OpenSSHServer(tmp_path_factory.mktemp("sshd"))
    try:
        yield peer.start()
    finally:
        peer.stop()


@pytest.fixture(scope="session")
def linux_target(sshd):
    return sshd.linux


def _running(peer):
    try:
        yield peer.start()
    finally:
        peer.stop()


@pytest.fixture(scope="session")
def legacy_sshd(tmp_path_factory):
    yield from _running(legacy_only_sshd(tmp_path_factory.mktemp("legacy-sshd")))


@pytest.fixture(scope="session")
def legacy_target(legacy_sshd):
    return legacy_sshd.linux


@pytest.fixture(scope="session")
def kbdint_sshd(tmp_path_factory):
    yield from _running(keyboard_only_sshd(tmp_path_factory.mktemp("kbdint-sshd")))


@pytest.fixture(scope="session")
def kbdint_target(kbdint_sshd):
    return kbdint_sshd.linux


@pytest.fixture(scope="session")
def no_prompt_target(sshd):
    return sshd.no_prompt


def _unreachable(name, port):
    return Target(name=name, host=LOOPBACK, port=port, platform="cisco_ios",
                  username="admin", password="naas-unreachable-pw")


@pytest.fixture(scope="session")
def blackhole_target():
    hole = Blackhole()
    try:
        hole.start()
        yield _unreachable("blackhole", hole.port)
    finally:
        hole.stop()


@pytest.fixture(scope="session")
def closed_target():
    return _unreachable("closed", closed_port())


@pytest.fixture
def sw_user_relay(sw_user):
    relay = SwitchableRelay(sw_user.host, sw_user.port)
    relay.target = replace(sw_user, name="sw-user-relay", port=relay.port)
    try:
        yield relay
    finally:
        relay.stop()


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server on loopback for the session (scripts/postgres.sh);
    `new_database()` gives each fleet a database of its own."""
    yield from _temporary_postgres()
