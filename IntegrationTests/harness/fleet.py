"""Groups of NaasServers that share a lifetime (a test, or the whole session)."""
from .server import NaasServer


class ServerFleet:
    """Creates NaasServers under one temp root and stops them all at the end."""

    everyone = []  # every server of the session, for failure reports

    def __init__(self, binary, tmp_path_factory, database=None):
        self.binary = binary
        self.tmp_path_factory = tmp_path_factory
        self.database = database  # a PostgreSQL server for every store, or None: SQLite
        self.servers = []

    def __call__(self, workers=2, http=False, env=None, args=(), hold_jobs=False, start=True,
                 log_level="debug"):
        server = NaasServer(self.binary, self.tmp_path_factory.mktemp("naas"),
                            workers=workers, http=http, env=env, args=args,
                            hold_jobs=hold_jobs, log_level=log_level, database=self.database)
        self.servers.append(server)
        ServerFleet.everyone.append(server)
        return server.start() if start else server

    def stop_all(self):
        for server in self.servers:
            server.stop()
