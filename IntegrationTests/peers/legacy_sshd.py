"""An OpenSSH peer that negotiates nothing but legacy algorithms, like old
network gear: group14-sha1 key exchange, an RSA host key signed with ssh-rsa
(SHA-1), aes128-cbc and hmac-sha1. Debian 12's sshd still implements each of
them, but offers them only when its config asks for them."""
from .openssh import OpenSSHServer

ALGORITHMS = {
    "KexAlgorithms": "diffie-hellman-group14-sha1",
    "HostKeyAlgorithms": "ssh-rsa",
    "Ciphers": "aes128-cbc",
    "MACs": "hmac-sha1",
}

# What sshd (at LogLevel DEBUG) and `ssh -vv` both log once a key exchange
# with this peer has settled on the legacy algorithms.
NEGOTIATED = (
    "kex: algorithm: diffie-hellman-group14-sha1",
    "kex: host key algorithm: ssh-rsa",
    "kex: client->server cipher: aes128-cbc MAC: hmac-sha1",
    "kex: server->client cipher: aes128-cbc MAC: hmac-sha1",
)


def legacy_only_sshd(workdir):
    return OpenSSHServer(workdir, settings={**ALGORITHMS, "LogLevel": "DEBUG"},
                         host_key_type="rsa")
