"""A webhook receiver on 127.0.0.1 (HTTP, or HTTPS with its own certificate)
that records every delivery as it arrived — raw body bytes and headers — and
answers each path as a test scripts it: a list of statuses to give in turn,
or "hang" to hold the connection without answering."""
import hashlib
import hmac
import http.server
import json
import ssl
import subprocess
import threading
import time


class Delivery:
    def __init__(self, path, headers, body):
        self.path = path
        self.headers = headers
        self.body = body  # the bytes as received
        self.received_at = time.time()

    def json(self):
        return json.loads(self.body)

    def signature_is_valid(self, secret, max_age=60):
        """Checks X-NAAS-Signature over the raw bytes, and that its timestamp is recent."""
        fields = dict(part.split("=", 1) for part in self.headers.get("X-NAAS-Signature", "").split(","))
        timestamp = fields.get("t", "")
        expected = hmac.new(secret.encode(), timestamp.encode() + b"." + self.body, hashlib.sha256).hexdigest()
        return (timestamp.isdigit() and abs(time.time() - int(timestamp)) <= max_age
                and hmac.compare_digest(expected, fields.get("v1", "")))


class WebhookReceiver:
    def __init__(self, tls_dir=None):
        self.deliveries = []
        self.scripts = {}  # path -> list of statuses (the last one repeats) or "hang"
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.release_hangs = threading.Event()
        self.cert_path = None
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = receiver._record(self.path, dict(self.headers.items()), body)
                if status == "hang":
                    receiver.release_hangs.wait(60)
                    return
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls_dir is not None:
            self.cert_path, key_path = tls_dir / "receiver-cert.pem", tls_dir / "receiver-key.pem"
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout", str(key_path), "-out", str(self.cert_path)],
                           check=True, capture_output=True)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(self.cert_path, key_path)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.release_hangs.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path, host="127.0.0.1"):
        return f"{self.scheme}://{host}:{self.port}{path}"

    def script(self, path, statuses):
        with self.lock:
            self.scripts[path] = statuses

    def _record(self, path, headers, body):
        with self.lock:
            self.deliveries.append(Delivery(path, headers, body))
            self.arrived.notify_all()
            script = self.scripts.get(path, [200])
            if script == "hang":
                return "hang"
            return script.pop(0) if len(script) > 1 else script[0]

    def at(self, path):
        with self.lock:
            return [delivery for delivery in self.deliveries if delivery.path == path]

    def wait_for(self, path, count, timeout=30):
        deadline = time.monotonic() + timeout
        with self.lock:
            while len([d for d in self.deliveries if d.path == path]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.arrived.wait(left)
            return [delivery for delivery in self.deliveries if delivery.path == path]
