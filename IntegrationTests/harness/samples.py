"""Valid request bodies aimed at a documentation address (192.0.2.0/24).

They are meant for servers started with `--workers 1 --hold-jobs`, where
submissions are accepted but nothing ever runs or connects: the tests look
only at what the API accepts and stores.
"""

PARKED_HOST = "192.0.2.10"
DROP = object()  # a value in `changes` that removes the key


def _apply(body, changes):
    for key, value in changes.items():
        if value is DROP:
            body.pop(key, None)
        else:
            body[key] = value
    return body


def command_body(**changes):
    return _apply({"host": PARKED_HOST, "platform": "cisco_ios",
                   "commands": ["show version"]}, changes)


def config_body(**changes):
    return _apply({"host": PARKED_HOST, "platform": "cisco_ios",
                   "config": ["vlan 42", "name parked"]}, changes)
