"""/apidoc: Swagger UI from the installed sidecar package, or a plain page."""
import glob
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SWAGGER_DIRS = glob.glob(str(REPO / ".venv/lib/python3*/site-packages/drf_spectacular_sidecar/static/"
                                    "drf_spectacular_sidecar/swagger-ui-dist"))


@pytest.fixture(scope="module")
def swagger_dir():
    assert SWAGGER_DIRS, "scripts/setup.sh installs drf-spectacular-sidecar"
    return SWAGGER_DIRS[0]


def test_swagger_ui_is_served_from_the_installed_assets(naas_factory, swagger_dir):
    server = naas_factory(workers=0, env={"NAAS_SWAGGER_UI_DIR": swagger_dir})
    client = server.client()
    page = client.request("GET", "/apidoc")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "SwaggerUIBundle" in page.text
    assert "/v2/openapi.json" in page.text and "/v1/openapi.json" in page.text
    script = client.request("GET", "/apidoc/static/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert Path(swagger_dir, "swagger-ui-bundle.js").read_bytes()[:200] == script.content[:200]
    assert client.request("GET", "/apidoc/static/swagger-ui.css").status_code == 200


def test_without_assets_the_page_still_links_the_documents(naas_factory, tmp_path):
    server = naas_factory(workers=0, env={"NAAS_SWAGGER_UI_DIR": str(tmp_path)})
    client = server.client()
    page = client.request("GET", "/apidoc")
    assert page.status_code == 200
    assert "SwaggerUIBundle" not in page.text
    for link in ("/v2/openapi.json", "/v1/openapi.json", "/versions"):
        assert f'href="{link}' in page.text
