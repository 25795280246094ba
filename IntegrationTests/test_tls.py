"""HTTPS by default with a self-signed certificate kept in the data dir;
plain HTTP only when asked for with --http."""
import ssl

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
