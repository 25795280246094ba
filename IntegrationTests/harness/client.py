"""An HTTPS client for one NAAS server: raw requests plus job submit/poll helpers."""
import json as _json
import time

import requests
import urllib3

# The server's certificate is self-signed on first start; the tests trust it blindly.
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

TERMINAL = frozenset({"finished", "failed", "canceled"})
_NO_BODY = object()


class NaasClient:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.verify = False
        # Ignore the environment: a CA bundle variable (REQUESTS_CA_BUNDLE,
        # CURL_CA_BUNDLE) would override verify=False, a proxy variable would
        # send loopback traffic elsewhere.
        self.session.trust_env = False

    def request(self, method, path, *, auth=None, json=_NO_BODY, data=None, headers=None,
                params=None, timeout=15):
        headers = dict(headers or {})
        if json is not _NO_BODY:  # encoded here so that None is sent as `null`
            data = _json.dumps(json).encode()
            headers.setdefault("Content-Type", "application/json")
        kwargs = {"auth": auth, "headers": headers, "params": params, "timeout": timeout,
                  "data": data}
        return self.session.request(method, self.base_url + path, **kwargs)

    def submit(self, path, body, auth, headers=None):
        """POST a job; returns the raw response (202 expected when the body is valid)."""
        return self.request("POST", path, auth=auth, json=body, headers=headers)

    def job(self, job_id, auth, path="/v1/send_command"):
        return self.request("GET", f"{path}/{job_id}", auth=auth)

    def wait_for_job(self, job_id, auth, path="/v1/send_command", timeout=30,
                     until=TERMINAL):
        """Poll until the job's status is in `until`; returns the last job body."""
        deadline = time.monotonic() + timeout
        body = None
        while time.monotonic() < deadline:
            response = self.job(job_id, auth, path)
            assert response.status_code == 200, (response.status_code, response.text)
            body = response.json()
            if body["status"] in until:
                return body
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} not in {sorted(until)} after {timeout}s: {body}")

    def run(self, path, body, auth, timeout=30, headers=None):
        """Submit a job, insist it is accepted, and wait until it ends."""
        response = self.submit(path, body, auth, headers)
        assert response.status_code == 202, (response.status_code, response.text)
        return self.wait_for_job(response.json()["job_id"], auth, path, timeout)

    def cancel(self, job_id, auth):
        return self.request("DELETE", f"/v1/jobs/{job_id}", auth=auth)

    def jobs(self, auth, **params):
        return self.request("GET", "/v1/jobs", auth=auth, params=params or None)

    def health(self, path="/healthcheck"):
        return self.request("GET", path)

    def metric(self, name, **labels):
        """One series' value from GET /metrics, or None when the server does not show it."""
        response = self.request("GET", "/metrics")
        assert response.status_code == 200, (response.status_code, response.text)
        wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
        series = f"{name}{{{wanted}}}" if labels else name
        for line in response.text.splitlines():
            if line.startswith("#"):
                continue
            shown, _, value = line.rpartition(" ")
            if shown == series:
                return float(value)
        return None
