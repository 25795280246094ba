"""Debian's OpenSSH client, used to check what an OpenSSH peer really offers."""
import subprocess

# The names `ssh -vv` gives each list of the server's KEXINIT proposal.
PROPOSAL_LINES = {
    "KEX algorithms": "KexAlgorithms",
    "host key algorithms": "HostKeyAlgorithms",
    "ciphers ctos": "Ciphers",
    "MACs ctos": "MACs",
}
# Not algorithms: markers for extensions (strict key exchange, RFC 8308 info).
PSEUDO_ALGORITHMS = ("kex-strict-", "ext-info-")


def probe(host, port, username, options=None, timeout=15):
    """One login attempt by `ssh -vv` in batch mode (it never sends a password,
    so it stops at authentication at best). `options` are ssh_config keywords.
    Returns the client's stderr: its debug trace, its verdict on the last line."""
    argv = ["ssh", "-vv", "-F", "/dev/null", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-p", str(port)]
    for keyword, value in (options or {}).items():
        argv += ["-o", f"{keyword}={value}"]
    argv += [f"{username}@{host}", "true"]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL).stderr


def server_proposal(trace):
    """What the server offered, from a probe's trace: {sshd_config keyword: [names]}."""
    lines = trace.splitlines()
    start = lines.index("debug2: peer server KEXINIT proposal")
    proposal = {}
    for line in lines[start + 1:]:
        label, _, names = line.removeprefix("debug2: ").partition(": ")
        if label in PROPOSAL_LINES and PROPOSAL_LINES[label] not in proposal:
            proposal[PROPOSAL_LINES[label]] = [
                name for name in names.split(",") if not name.startswith(PSEUDO_ALGORITHMS)]
        if len(proposal) == len(PROPOSAL_LINES):
            return proposal
    raise ValueError("the trace has no complete server proposal")
