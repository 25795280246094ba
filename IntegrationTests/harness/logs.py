"""Reading the server's JSON-lines logs."""
import json
from collections import Counter


def json_records(paths):
    records = []
    for path in paths:
        for line in path.read_text(errors="replace").splitlines():
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                records.append(record)
    return records


def jobs_started(records):
    """How many times each job id was picked up by a worker."""
    return Counter(r.get("request_id") for r in records if r.get("message") == "job started")


AUDIT_LOGGER = "naas.audit"


def audit_records(records):
    """The audit trail: one record per act, logger `naas.audit`, message = event."""
    return [r for r in records if r.get("logger") == AUDIT_LOGGER]
