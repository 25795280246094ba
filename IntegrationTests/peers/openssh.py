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
DEFAULT_SETTINGS = {
    "UsePAM": "yes",
    "PasswordAuthentication": "yes",
    "KbdInteractiveAuthentication": "yes",
    "PubkeyAuthentication": "no",
    "PermitRootLogin": "no",
    "PrintMotd": "no",
    "PrintLastLog": "no",
}

ACCOUNTS = (accounts.LINUX, accounts.NO_PROMPT)


class OpenSSHServer:
    """`settings` add keywords to DEFAULT_SETTINGS or replace their values in
    place: sshd uses the first line of a keyword and ignores any later one."""

    def __init__(self, workdir, settings=None, host_key_type="ed25519"):
        self.workdir = Path(workdir)
        self.settings = {**DEFAULT_SETTINGS, **(settings or {})}
        self.host_key_type = host_key_type
        self.host = LOOPBACK
        self.port = None
        self.process = None

    def config_text(self, host_key):
        lines = [f"Port {self.port}", f"ListenAddress {self.host}", f"HostKey {host_key}",
                 f"PidFile {self.workdir / 'sshd.pid'}"]
        lines += [f"{keyword} {value}" for keyword, value in self.settings.items()]
        lines.append("AllowUsers " + " ".join(account.username for account in ACCOUNTS))
        return "\n".join(lines) + "\n"

    def start(self, timeout=15):
        for account in ACCOUNTS:
            accounts.ensure(account)
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege-separation dir
        self.workdir.mkdir(parents=True, exist_ok=True)
        host_key = self.workdir / f"ssh_host_{self.host_key_type}_key"
        if not host_key.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", self.host_key_type, "-N", "", "-f",
                            str(host_key)], check=True)
        self.port = free_port()
        config = self.workdir / "sshd_config"
        config.write_text(self.config_text(host_key))
        subprocess.run([SSHD, "-t", "-f", str(config)], check=True)
        self.process = Background([SSHD, "-D", "-e", "-f", config],
                                  self.workdir / "sshd.log").start()
        wait_for_tcp(self.host, self.port, timeout, self.process.popen)
        return self

    def stop(self):
        if self.process is not None:
            self.process.stop()

    def log_text(self):
        """Everything sshd and its per-connection children logged so far."""
        return self.process.log_text() if self.process is not None else ""

    def target(self, account):
        return Target(name=account.username, host=self.host, port=self.port,
                      platform="linux", username=account.username, password=account.password)

    @property
    def linux(self):
        return self.target(accounts.LINUX)

    @property
    def no_prompt(self):
        return self.target(accounts.NO_PROMPT)
