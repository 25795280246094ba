"""One `naas worker` process: workers only, no HTTP, on a PostgreSQL store."""
import os
import time
from pathlib import Path

from peers.process import Background

from .logs import json_records
from .server import GENEROUS_LIMITS


class NaasWorker:
    def __init__(self, binary, root, database_url, *, workers=8, env=None, args=()):
        self.binary = Path(binary)
        self.root = Path(root)
        self.database_url = database_url
        self.workers = workers
        self.env = dict(env or {})
        self.args = [str(arg) for arg in args]
        self.process = None
        self.starts = 0

    def argv(self):
        return [self.binary, "worker", "--database-url", self.database_url, "--data-dir", self.root / "data",
                "--workers", self.workers, "--log-level", "debug", *self.args]

    def start(self, timeout=30):
        """Start and wait until its workers are registered and claiming."""
        self.starts += 1
        log = self.root / "logs" / f"worker-{self.starts}.log"
        self.process = Background(self.argv(), log, env={**os.environ, **GENEROUS_LIMITS, **self.env}).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "naas worker is running" in self.process.log_text():
                return self
            if not self.process.running():
                raise RuntimeError(f"naas worker exited with {self.process.popen.returncode}:\n"
                                   f"{self.process.log_text()[-4000:]}")
            time.sleep(0.05)
        self.kill()
        raise TimeoutError(f"naas worker not running after {timeout}s:\n{self.process.log_text()[-4000:]}")

    @property
    def pid(self):
        return self.process.pid

    def running(self):
        return self.process is not None and self.process.running()

    def stop(self, grace=60):
        if self.process is not None:
            self.process.stop(grace=grace)

    def kill(self):
        if self.process is not None:
            self.process.kill()

    @property
    def log_paths(self):
        return sorted((self.root / "logs").glob("worker-*.log"))

    def log_records(self):
        return json_records(self.log_paths)
