"""Devices that take passwords through keyboard-interactive only: the peer has
`PasswordAuthentication no`, so NAAS must answer PAM's prompt instead."""
from harness.jobs import assert_failed_with
from peers.ssh_client import probe

COMMAND = "echo kbd-ok"
WRONG_PASSWORD = "naas-wrong-kbd-pw-7"


def run_echo(client, target):
    return client.run("/v1/send_command", target.body(commands=[COMMAND]), target.auth,
                      timeout=60)


def test_keyboard_peer_offers_keyboard_interactive_only(kbdint_target):
    trace = probe(kbdint_target.host, kbdint_target.port, kbdint_target.username)
    verdict = trace.splitlines()[-1]
    assert verdict.endswith("Permission denied (keyboard-interactive)."), verdict


def test_keyboard_interactive_login_runs_the_command(client, kbdint_sshd, kbdint_target):
    log_start = len(kbdint_sshd.log_text())

    job = run_echo(client, kbdint_target)

    assert job["status"] == "finished", job
    assert job["error"] is None and job["error_code"] is None, job
    assert job["results"][COMMAND].strip() == "kbd-ok", job
    log = kbdint_sshd.log_text()[log_start:]
    assert f"Accepted keyboard-interactive/pam for {kbdint_target.username}" in log, log


def test_keyboard_interactive_wrong_password_is_auth_failure(client, kbdint_sshd,
                                                              kbdint_target):
    log_start = len(kbdint_sshd.log_text())

    job = run_echo(client, kbdint_target.with_password(WRONG_PASSWORD))

    assert_failed_with(job, "AUTH_FAILURE")
    assert WRONG_PASSWORD not in job["error"]
    # The wrong password really was the answer to PAM's prompt.
    log = kbdint_sshd.log_text()[log_start:]
    assert f"Failed keyboard-interactive/pam for {kbdint_target.username}" in log, log
