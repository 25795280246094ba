"""An OpenSSH peer that takes passwords only through keyboard-interactive
(PAM asks "Password:"), as devices behind TACACS or RADIUS often do: the
plain `password` method is switched off."""
from .openssh import OpenSSHServer

KEYBOARD_ONLY = {
    "UsePAM": "yes",
    "PasswordAuthentication": "no",
    "KbdInteractiveAuthentication": "yes",
}


def keyboard_only_sshd(workdir):
    # LogLevel VERBOSE: below it, sshd leaves the first failed logins of a
    # connection ("Failed keyboard-interactive/pam for ...") out of its log.
    return OpenSSHServer(workdir, settings={**KEYBOARD_ONLY, "LogLevel": "VERBOSE"})
