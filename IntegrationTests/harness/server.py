"""One `naas serve` instance: its data dir, its log files (one per start), its URL,
and the `naas keys` command run against its data dir."""
import base64
import json
import os
import subprocess
import time
from pathlib import Path

import requests

from peers.net import LOOPBACK, free_port
from peers.process import Background

from .client import NaasClient
from .logs import json_records

# Every server the harness starts gets these unless the test sets them itself:
# limits so high that tests sending many requests or jobs to one device
# never meet a rate limit, a lockout or an open circuit by accident. Tests of
# those protections start their own servers with small values.
GENEROUS_LIMITS = {
    "RATE_LIMIT_PER_CALLER": "1000000",
    "RATE_LIMIT_PER_DEVICE": "1000000",
    "DEVICE_LOCKOUT_THRESHOLD": "1000000",
    "USER_LOCKOUT_THRESHOLD": "1000000",
    "CIRCUIT_BREAKER_THRESHOLD": "1000000",
}


class NaasServer:
    def __init__(self, binary, root, *, workers=None, http=False, env=None, args=(),
                 hold_jobs=False, log_level="debug", database=None):
        self.binary = Path(binary)
        self.root = Path(root)
        self.data_dir = self.root / "data"
        self.log_dir = self.root / "logs"
        self.workers = workers
        self.http = http
        self.env = dict(env or {})
        self.args = [str(arg) for arg in args]  # extra `serve` flags, e.g. --ssh-legacy
        # `database`: a PostgreSQL server (peers/postgres.py) whose fresh database
        # this server uses, unless the test chose a store itself.
        self.postgres = None
        if database is not None and "--database-url" not in self.args:
            self.postgres = database
            self.args += ["--database-url", database.new_database()]
            self.env.setdefault("NAAS_ENCRYPTION_KEY", base64.b64encode(os.urandom(32)).decode())
        # --hold-jobs: the workers register (submissions are accepted) but
        # start nothing, so every job stays queued and no device is contacted.
        self.hold_jobs = hold_jobs
        self.log_level = log_level
        self.host = LOOPBACK
        self.port = None
        self.process = None
        self.starts = 0

    @property
    def base_url(self):
        return f"{'http' if self.http else 'https'}://{self.host}:{self.port}"

    def argv(self):
        argv = [self.binary, "serve", "--host", self.host, "--port", self.port,
                "--data-dir", self.data_dir, "--log-level", self.log_level]
        if self.workers is not None:
            argv += ["--workers", self.workers]
        if self.hold_jobs:
            argv.append("--hold-jobs")
        if self.http:
            argv.append("--http")
        return argv + self.args

    def environment(self):
        """The process environment of the server and of `naas keys` against it."""
        return {**os.environ, **GENEROUS_LIMITS, **self.env}

    def start(self, timeout=30):
        """Start (or restart, on the same data dir) and wait for a healthy 200."""
        assert not self.running(), "already running"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.starts += 1
        self.process = Background(self.argv(), self.log_dir / f"server-{self.starts}.log",
                                  env=self.environment()).start()
        self._wait_until_serving(timeout)
        return self

    def _wait_until_serving(self, timeout):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if not self.running():
                raise RuntimeError(f"naas exited with {self.process.popen.returncode}:\n"
                                   f"{self.process.log_text()[-4000:]}")
            try:
                last = requests.get(self.base_url + "/healthcheck", verify=False, timeout=2)
                if last.status_code == 200:
                    return
            except requests.RequestException as error:
                last = error
            time.sleep(0.1)
        self.kill()
        raise TimeoutError(f"naas not healthy after {timeout}s (last: {last}):\n"
                           f"{self.process.log_text()[-4000:]}")

    def running(self):
        return self.process is not None and self.process.running()

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def kill(self):
        """kill -9: no shutdown hooks, no flushing, in-flight jobs left mid-way."""
        if self.process is not None:
            self.process.kill()

    def client(self):
        return NaasClient(self.base_url)

    @property
    def database_url(self):
        """The PostgreSQL store's URL, or None on the embedded SQLite store."""
        return self.args[self.args.index("--database-url") + 1] if "--database-url" in self.args else None

    def store_snapshot(self):
        """Everything the store holds, as bytes to search: the SQLite files (with
        their -wal and -shm while running), or a dump of the PostgreSQL database."""
        if self.postgres is not None:
            return self.postgres.dump(self.database_url)
        return b"".join(path.read_bytes() for path in sorted(self.data_dir.iterdir())
                        if path.name.startswith("naas.sqlite"))

    @property
    def log_paths(self):
        return sorted(self.log_dir.glob("server-*.log"))

    def log_records(self):
        """Every JSON log line this server wrote, across all of its starts."""
        return json_records(self.log_paths)

    def keys(self, *args, check=True, timeout=30):
        """Runs `naas keys <args> --data-dir <this server's data dir>` (and its
        `--database-url`, if it has one; it works while the server runs);
        returns the CompletedProcess (text output)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        argv = [str(self.binary), "keys", *map(str, args), "--data-dir", str(self.data_dir)]
        if self.database_url is not None:
            argv += ["--database-url", self.database_url]
        completed = subprocess.run(argv, env=self.environment(), stdin=subprocess.DEVNULL,
                                   capture_output=True, text=True, timeout=timeout, check=False)
        if check and completed.returncode != 0:
            raise AssertionError(f"$ {' '.join(argv)}\nexit {completed.returncode}\n"
                                 f"stdout: {completed.stdout}\nstderr: {completed.stderr}")
        return completed

    def create_key(self, role="admin", contexts=None, ttl=None, name=None):
        """`naas keys create`: the create body it prints (with the token), as a dict."""
        args = ["create", "--role", role]
        if contexts is not None:
            args += ["--contexts", ",".join(contexts)]
        if ttl is not None:
            args += ["--ttl", ttl]
        if name is not None:
            args += ["--name", name]
        return cli_json(self.keys(*args).stdout)


def cli_json(stdout):
    """The JSON object a `naas keys` command printed (the whole output, or the
    one line of it that is a JSON object)."""
    try:
        return json.loads(stdout)
    except ValueError:
        pass
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    raise AssertionError(f"no JSON object in the output of naas keys: {stdout!r}")
