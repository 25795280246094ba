"""Addresses that never answer like a device: a port that accepts TCP and then
stays silent forever, and a port with nothing listening."""
import socket
import threading

from .net import LOOPBACK


class Blackhole:
    """Accepts connections and never sends a byte; holds them until stopped."""

    def __init__(self, host=LOOPBACK):
        self.host = host
        self.port = None
        self._listener = None
        self._held = []
        self._stopping = threading.Event()
        self._thread = None

    def start(self):
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((self.host, 0))
        self._listener.listen(64)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_forever, name="blackhole",
                                        daemon=True)
        self._thread.start()
        return self

    def _accept_forever(self):
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except (socket.timeout, OSError):
                continue
            self._held.append(conn)

    def stop(self):
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for conn in self._held:
            conn.close()
        if self._listener is not None:
            self._listener.close()


# Bound, never listening: the kernel refuses connections to these ports and
# hands them to no other socket while this process lives.
_reserved = []


def closed_port(host=LOOPBACK):
    """A port nothing listens on: connecting to it is refused at once.

    The port stays bound (without listening) for the whole test session. A
    port merely found free could be handed to a server started later, and
    then a "refused" job met a listener and timed out instead."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((host, 0))
    _reserved.append(sock)
    return sock.getsockname()[1]
