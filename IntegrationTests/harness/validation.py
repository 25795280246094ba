"""Reading v1 422 bodies: {"validation_error": {"json": [{"loc", "msg", "type"}]}}."""


def errors(body, section=None):
    """The error entries of a 422 body: one section ("json") or all of them."""
    sections = body["validation_error"]
    if section is not None:
        return sections[section]
    return [entry for entries in sections.values() for entry in entries]


def named_fields(body, section=None):
    """The first element of every error's loc: the request fields blamed."""
    return {entry["loc"][0] for entry in errors(body, section) if entry["loc"]}
