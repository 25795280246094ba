"""One `naas serve` instance: its data dir, its log files (one per start), its URL."""
import os
import time
from pathlib import Path

import requests

from peers.net import LOOPBACK, free_port
from peers.process import Background

from .client import NaasClient
from .logs import json_records


class NaasServer:
    def __init__(self, binary, root, *, workers=None, http=False, env=None, args=(),
                 log_level="debug"):
        self.binary = Path(binary)
        self.root = Path(root)
        self.data_dir = self.root / "data"
        self.log_dir = self.root / "logs"
        self.workers = workers
        self.http = http
        self.env = dict(env or {})
        self.args = [str(arg) for arg in args]  # extra `serve` flags, e.g. --ssh-legacy
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
        if self.http:
            argv.append("--http")
        return argv + self.args

    def start(self, timeout=30):
        """Start (or restart, on the same data dir) and wait for a healthy 200."""
        assert not self.running(), "already running"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.starts += 1
        env = {**os.environ, **self.env}
        self.process = Background(self.argv(), self.log_dir / f"server-{self.starts}.log",
                                  env=env).start()
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
    def log_paths(self):
        return sorted(self.log_dir.glob("server-*.log"))

    def log_records(self):
        """Every JSON log line this server wrote, across all of its starts."""
        return json_records(self.log_paths)
