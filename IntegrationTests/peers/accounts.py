"""Local Unix accounts the OpenSSH peer logs in as (created idempotently; needs root)."""
import os
import pwd
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    shell: str


# A normal login: the `linux` platform runs commands in bash.
LINUX = Account("naastest", "naas-test-pw-1", "/bin/bash")
# Logs in fine but its "shell" only echoes input: no prompt ever appears.
NO_PROMPT = Account("naascat", "naas-cat-pw-1", "/bin/cat")


def ensure(account):
    if os.geteuid() != 0:
        raise RuntimeError("the OpenSSH peer creates local users and must run as root")
    try:
        current = pwd.getpwnam(account.username)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", account.shell,
                        account.username], check=True)
    else:
        if current.pw_shell != account.shell:
            subprocess.run(["usermod", "--shell", account.shell, account.username], check=True)
    subprocess.run(["chpasswd"], input=f"{account.username}:{account.password}\n",
                   text=True, check=True)
