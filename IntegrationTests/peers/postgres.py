"""A real PostgreSQL server on loopback (scripts/postgres.sh), and a fresh
database on it per test server, so that fleets never see each other's jobs."""
import secrets
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "postgres.sh"


def _client_tool(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise RuntimeError(f"{name} not found: run scripts/setup.sh")
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
        out = subprocess.run([_client_tool("psql"), "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                              url or self.url, "-c", statement],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def dump(self, url):
        """The whole database as pg_dump writes it (schema and rows), in bytes:
        a secret stored in clear would be in it, as text or as bytea hex."""
        return subprocess.run([_client_tool("pg_dump"), "--no-owner", url],
                              check=True, capture_output=True).stdout

    def new_database(self):
        """The URL of a database of its own."""
        name = f"naas_{secrets.token_hex(6)}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name
