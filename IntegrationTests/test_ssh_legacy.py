"""Legacy SSH algorithms are off by default and switched on by `serve
--ssh-legacy` or NAAS_SSH_LEGACY=1. The peer negotiates nothing but
diffie-hellman-group14-sha1, ssh-rsa, aes128-cbc and hmac-sha1."""
import pytest

from harness.jobs import assert_failed_with, run_seconds
from peers.legacy_sshd import ALGORITHMS, NEGOTIATED
from peers.ssh_client import probe, server_proposal

COMMAND = "echo legacy-ok"

# One modern choice per keyword, and how `ssh` refuses it.
MODERN = {
    "KexAlgorithms": ("curve25519-sha256", "no matching key exchange method found"),
    "HostKeyAlgorithms": ("rsa-sha2-512,rsa-sha2-256", "no matching host key type found"),
    "Ciphers": ("aes128-ctr", "no matching cipher found"),
    "MACs": ("hmac-sha2-256", "no matching MAC found"),
}

# Both ways of switching legacy on. An empty NAAS_SSH_LEGACY keeps whatever the
# caller's environment says out of the servers that must not have it.
MODERN_ONLY = {"env": {"NAAS_SSH_LEGACY": ""}}
SWITCHED_ON = {
    "flag": {"args": ["--ssh-legacy"], "env": {"NAAS_SSH_LEGACY": ""}},
    "env": {"env": {"NAAS_SSH_LEGACY": "1"}},
}


def probe_legacy_peer(target, options):
    return probe(target.host, target.port, target.username, options)


def test_legacy_peer_offers_and_negotiates_only_legacy_algorithms(legacy_target):
    trace = probe_legacy_peer(legacy_target, ALGORITHMS)

    offered = server_proposal(trace)
    assert offered == {keyword: [name] for keyword, name in ALGORITHMS.items()}, offered
    for line in NEGOTIATED:
        assert line in trace, trace[-3000:]
    verdict = trace.splitlines()[-1]
    assert "Permission denied" in verdict, verdict  # got as far as authentication


@pytest.mark.parametrize("keyword", sorted(MODERN))
def test_legacy_peer_refuses_a_modern_algorithm(legacy_target, keyword):
    modern, refusal = MODERN[keyword]
    trace = probe_legacy_peer(legacy_target, {**ALGORITHMS, keyword: modern})
    verdict = trace.splitlines()[-1]
    assert "Unable to negotiate" in verdict and refusal in verdict, verdict


def run_echo(client, target):
    return client.run("/v1/send_command", target.body(commands=[COMMAND]), target.auth,
                      timeout=60)


def test_default_server_cannot_negotiate_with_legacy_only_device(naas_factory, legacy_target):
    job = run_echo(naas_factory(**MODERN_ONLY).client(), legacy_target)

    assert_failed_with(job, "SSH_ERROR")
    error = job["error"]
    assert f"{legacy_target.host}:{legacy_target.port}" in error, job
    assert "kex" in error.lower() and "diffie-hellman-group14-sha1" in error, job
    assert legacy_target.password not in error
    # Refused during the handshake, not left to run into conn_timeout (10 s).
    assert run_seconds(job) < 5, job


@pytest.mark.parametrize("switch", sorted(SWITCHED_ON))
def test_legacy_switch_reaches_legacy_only_device(naas_factory, legacy_sshd, legacy_target,
                                                  switch):
    client = naas_factory(**SWITCHED_ON[switch]).client()
    log_start = len(legacy_sshd.log_text())

    job = run_echo(client, legacy_target)

    assert job["status"] == "finished", job
    assert job["error"] is None and job["error_code"] is None, job
    assert job["results"][COMMAND].strip() == "legacy-ok", job
    log = legacy_sshd.log_text()[log_start:]
    for line in NEGOTIATED:
        assert line in log


def test_legacy_switch_still_reaches_modern_device(naas_factory, linux_target):
    job = run_echo(naas_factory(**SWITCHED_ON["flag"]).client(), linux_target)

    assert job["status"] == "finished", job
    assert job["error_code"] is None, job
    assert job["results"][COMMAND].strip() == "legacy-ok", job
