"""A TCP relay on a fixed loopback port that can be switched off and on.

Off, nothing listens on the port and connecting is refused at once; on, every
connection is forwarded to the upstream device. One `host:port` that first
refuses and later answers like a real device: what a circuit breaker needs to
open and then close again.
"""
import socket
import threading

from .net import LOOPBACK, free_port


class SwitchableRelay:
    def __init__(self, upstream_host, upstream_port, host=LOOPBACK):
        self.upstream = (upstream_host, upstream_port)
        self.host = host
        self.port = free_port(host)
        self._listener = None
        self._thread = None
        self._connections = []
        self._lock = threading.Lock()

    @property
    def listening(self):
        return self._listener is not None

    def on(self):
        """Listen on the port and forward every connection upstream."""
        if self._listener is not None:
            return self
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(16)
        listener.settimeout(0.2)
        self._listener = listener
        self._thread = threading.Thread(target=self._accept, args=(listener,),
                                        name="relay-accept", daemon=True)
        self._thread.start()
        return self

    def off(self):
        """Stop listening and drop the relayed connections: connecting is refused."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()
            except OSError:
                pass
        return self

    def stop(self):
        self.off()

    def _accept(self, listener):
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            client.settimeout(None)
            with self._lock:
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), name="relay-pump",
                                 daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
