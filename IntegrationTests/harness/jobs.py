"""Reading job bodies: outcomes, timestamps and durations."""
import uuid
from datetime import datetime, timezone


def parse_time(value):
    """A job timestamp as an aware datetime (ISO 8601 text or Unix seconds)."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def run_seconds(job):
    """From the moment a worker started the job to the moment it ended."""
    return (parse_time(job["ended_at"]) - parse_time(job["started_at"])).total_seconds()


def is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def assert_failed_with(job, code):
    """A device-side failure: `finished`, no results, a human error and `code`."""
    assert job["status"] == "finished", job
    assert job["results"] is None, job
    assert job["error_code"] == code, job
    assert isinstance(job["error"], str) and job["error"].strip(), job
