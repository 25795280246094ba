"""A real PostgreSQL server on loopback (scripts/postgres.sh), and a fresh
database on it per test server, so that fleets never see each other's jobs."""
import secrets
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "postgres.sh"


def _psql():
    found = shutil.which("psql")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))
    if not candidates:
        raise RuntimeError("psql not found: run scripts/setup.sh")
    return str(candidates[-1])


class PostgresServer:
    """`start()` runs (or finds running) a server in `directory`; `url` is its admin database."""

    def __init__(self, directory, port):
        self.directory = Path(directory)
        self.port = port
        self.url = None

    def start(self):
        self.url = subprocess.run(["bash", SCRIPT, "start", self.directory, str(self.port)],
                                  check=True, capture_output=True, text=True).stdout.strip()
        return self

    def stop(self):
        subprocess.run(["bash", SCRIPT, "stop", self.directory], check=True, capture_output=True)

    def restart(self):
        self.stop()
        self.start()

    def sql(self, statement, url=None):
        """Runs one statement; returns its rows as lists of strings."""
        out = subprocess.run([_psql(), "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                              url or self.url, "-c", statement],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def new_database(self):
        """The URL of a database of its own."""
        name = f"naas_{secrets.token_hex(6)}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name
