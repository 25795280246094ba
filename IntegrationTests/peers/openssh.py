"""A private Debian sshd on a loopback port, with its own host key and config."""
import subprocess
from pathlib import Path

from . import accounts
from .net import LOOPBACK, free_port, wait_for_tcp
from .process import Background
from .target import Target

SSHD = "/usr/sbin/sshd"

# UsePAM yes: password and keyboard-interactive logins both work, whichever
# the client tries. PrintMotd no: otherwise sshd and pam_motd both print the
# message of the day. No prompt-affecting settings: bash's own prompt, with
# its bracketed-paste escape sequences, is part of what the tests exercise.
CONFIG = """\
Port {port}
ListenAddress {host}
HostKey {host_key}
PidFile {pid_file}
UsePAM yes
PasswordAuthentication yes
KbdInteractiveAuthentication yes
PubkeyAuthentication no
PermitRootLogin no
PrintMotd no
PrintLastLog no
AllowUsers {users}
"""


class OpenSSHServer:
    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.host = LOOPBACK
        self.port = None
        self.process = None

    def start(self, timeout=15):
        for account in (accounts.LINUX, accounts.NO_PROMPT):
            accounts.ensure(account)
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege-separation dir
        self.workdir.mkdir(parents=True, exist_ok=True)
        host_key = self.workdir / "ssh_host_ed25519_key"
        if not host_key.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)],
                           check=True)
        self.port = free_port()
        config = self.workdir / "sshd_config"
        config.write_text(CONFIG.format(
            port=self.port, host=self.host, host_key=host_key,
            pid_file=self.workdir / "sshd.pid",
            users=f"{accounts.LINUX.username} {accounts.NO_PROMPT.username}"))
        subprocess.run([SSHD, "-t", "-f", str(config)], check=True)
        self.process = Background([SSHD, "-D", "-e", "-f", config],
                                  self.workdir / "sshd.log").start()
        wait_for_tcp(self.host, self.port, timeout, self.process.popen)
        return self

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def target(self, account):
        return Target(name=account.username, host=self.host, port=self.port,
                      platform="linux", username=account.username, password=account.password)

    @property
    def linux(self):
        return self.target(accounts.LINUX)

    @property
    def no_prompt(self):
        return self.target(accounts.NO_PROMPT)
