"""A small reader of `text/event-stream` responses that notes when each event arrived."""
import json
import time


class ReceivedEvent:
    def __init__(self, fields, received_at):
        self.id = fields.get("id")
        self.name = fields.get("event", "message")
        self.data = json.loads(fields["data"]) if "data" in fields else None
        self.received_at = received_at  # time.time() when its blank line arrived

    def __repr__(self):
        return f"<{self.name} id={self.id} {self.data}>"


def read_events(response, limit=None):
    """Every event of a streamed `requests` response, in order, until the server closes it
    (or `limit` events). Comment lines (`: keep-alive`) and `retry:` are skipped."""
    events, fields = [], {}
    for raw in response.iter_lines(chunk_size=1, decode_unicode=True):
        if raw == "":
            if "data" in fields:
                events.append(ReceivedEvent(fields, time.time()))
                if limit is not None and len(events) >= limit:
                    break
            fields = {}
        elif raw.startswith(":"):
            continue
        else:
            name, _, value = raw.partition(":")
            fields[name] = value[1:] if value.startswith(" ") else value
    return events
