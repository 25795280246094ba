"""Loopback port helpers shared by every peer and by the server fixture."""
import socket
import time

LOOPBACK = "127.0.0.1"


def free_port(host=LOOPBACK):
    """A TCP port nothing listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def accepts_tcp(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for_tcp(host, port, timeout, process=None):
    """Block until host:port accepts a connection; fail early if `process` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before "
                               f"{host}:{port} accepted connections")
        if accepts_tcp(host, port):
            return
        time.sleep(0.05)
    raise TimeoutError(f"{host}:{port} did not accept connections within {timeout}s")
