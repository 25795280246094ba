"""The committed OpenAPI documents (and the release baselines the
breaking-change gate compares them with) are valid OpenAPI 3.1, also as cut
to each v2 microversion, and use only YAML the server's loader reads alike."""
import re

import pytest
import yaml
from openapi_spec_validator import validate

from harness.contract import (ENUM_MIN_KEY, HTTP_METHODS, MAX_KEY, MIN_KEY, OPENAPI_DIR,
                              at_microversion, microversion_range, parse_microversion)

DOCUMENTS = ["v1.yaml", "v2.yaml", "baseline/v1.yaml", "baseline/v2.yaml"]


def load(name):
    return yaml.safe_load((OPENAPI_DIR / name).read_text(encoding="utf-8"))


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def marks(node):
    """Every x-naas-min-version / x-naas-max-version value in a document, and
    every microversion of an x-naas-enum-min-versions map."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in (MIN_KEY, MAX_KEY):
                yield value
            elif key == ENUM_MIN_KEY:
                assert isinstance(value, dict) and set(value) <= set(node.get("enum", [])), node
                yield from value.values()
            else:
                yield from marks(value)
    elif isinstance(node, list):
        for item in node:
            yield from marks(item)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_is_valid_openapi_3_1(name):
    document = load(name)
    assert document["openapi"] == "3.1.0"
    validate(document)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_operation_has_a_unique_operation_id(name):
    ids = [operation.get("operationId") for _, _, operation in operations(load(name))]
    assert all(ids), [i for i in ids if not i]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_yaml_anchors_or_aliases(name):
    # The server converts YAML to JSON node by node and has no use for aliases.
    events = yaml.parse((OPENAPI_DIR / name).read_text(encoding="utf-8"))
    assert not [e for e in events if isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None)]


def test_v1_is_deprecated_except_the_permanent_routes():
    for path, method, operation in operations(load("v1.yaml")):
        versioned = path.startswith(("/v1/", "/send_command", "/send_config"))
        assert operation.get("deprecated", False) is versioned, (method, path)


def test_v2_declares_its_microversions_and_marks_stay_inside_them():
    document = load("v2.yaml")
    low, high = microversion_range(document)
    assert low == (2, 0) and low <= high
    found = list(marks(document))
    assert found, "v2 has microversion marks (2.1 added error_code)"
    for value in found:
        assert isinstance(value, str) and re.fullmatch(r"\d+\.\d+", value), value
        assert low <= parse_microversion(value) <= high, value


def v2_microversions():
    (major, low), (_, high) = microversion_range(load("v2.yaml"))
    return [f"{major}.{minor}" for minor in range(low, high + 1)]


@pytest.mark.parametrize("microversion", v2_microversions())
def test_v2_at_each_microversion_is_valid_openapi(microversion):
    validate(at_microversion(load("v2.yaml"), parse_microversion(microversion)))


@pytest.mark.parametrize("major", ["v1", "v2"])
def test_baseline_exists_for_each_major(major):
    assert (OPENAPI_DIR / "baseline" / f"{major}.yaml").is_file()
