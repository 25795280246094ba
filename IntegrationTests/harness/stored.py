"""Searching what a store holds for secrets that must never be there in clear."""


def stored_secrets(snapshot, needles):
    """The labels of the needles found in a store snapshot (NaasServer.store_snapshot):
    as the bytes themselves, or as the hex a PostgreSQL dump writes a bytea column in."""
    lowered = snapshot.lower()
    return [label for label, needle in needles.items()
            if needle in snapshot or needle.hex().encode() in lowered]
