"""HTTPS by default with a self-signed certificate kept in the data dir;
plain HTTP only when asked for with --http."""
import ssl
import time

import pytest
import requests


def certificate(server):
    return ssl.get_server_certificate((server.host, server.port), timeout=5)


def answers_plain_http(server):
    try:
        response = requests.get(f"http://{server.host}:{server.port}/healthcheck", timeout=5)
    except requests.RequestException:
        return False
    return response.status_code == 200


def test_default_server_speaks_https_only(naas):
    assert naas.base_url.startswith("https://")
    assert "BEGIN CERTIFICATE" in certificate(naas)
    assert not answers_plain_http(naas)


def test_certificate_is_kept_across_restarts(naas_factory):
    server = naas_factory(workers=0)
    first = certificate(server)
    server.stop()
    server.start()
    assert certificate(server) == first


def test_http_flag_serves_plain_http(naas_factory):
    server = naas_factory(workers=0, http=True)
    assert answers_plain_http(server)
    with pytest.raises(OSError):  # ssl.SSLError, reset or EOF: no TLS there
        certificate(server)


def test_an_idle_keep_alive_client_does_not_hold_up_a_stop(naas_factory):
    """Regression: a stop waited 5 s for an idle TLS client's close_notify."""
    server = naas_factory(workers=0)
    client = server.client()
    assert client.request("GET", "/healthcheck").status_code == 200  # the connection stays open, idle
    started = time.monotonic()
    server.stop()
    elapsed = time.monotonic() - started
    assert not server.running()
    assert elapsed < 2.5, f"stopping took {elapsed:.1f} s with one idle keep-alive client"
