"""Checking live responses against the committed OpenAPI documents.

`validate_response(response)` finds the documented operation for the
request's method and path (`openapi/v1.yaml` for `/v1/` and the legacy
aliases, `openapi/v2.yaml` for `/v2/`; the unversioned `/healthcheck` and
`/versions` are in both), then checks the status is documented, the
documented headers are present and well-formed, and the body matches the
schema of that status and media type.

v2 is checked at a microversion: the document is first cut down to what
exists at it. A property, parameter, response, operation or schema branch
whose `x-naas-min-version` is above the microversion (or whose
`x-naas-max-version` is below it) is dropped, so a 2.1 field that leaks
into a 2.0 response fails against a schema with `additionalProperties:
false`; so is an enum value younger than the microversion
(`x-naas-enum-min-versions`), so `CIRCUIT_OPEN` leaking into a 2.4 answer
fails too.
"""
import copy
import functools
import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

OPENAPI_DIR = Path(__file__).resolve().parents[2] / "openapi"
VERSION_HEADER = "NAAS-API-Version"
MIN_KEY, MAX_KEY = "x-naas-min-version", "x-naas-max-version"
ENUM_MIN_KEY = "x-naas-enum-min-versions"  # {value: microversion}: enum values sent from then on
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LEGACY_PREFIXES = ("/send_command", "/send_config")
# `X.Y`, each part 1-4 digits without leading zeros (MicroversionNumber in v2.yaml).
MICROVERSION = re.compile(r"^(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})$")

# (major, operationId, status) of every response validated in this session.
covered = set()


class ContractViolation(AssertionError):
    """A response the document does not allow."""


def document_path(major, baseline=False):
    return OPENAPI_DIR / ("baseline" if baseline else "") / f"{major}.yaml"


@functools.lru_cache(maxsize=None)
def _load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_document(major, baseline=False):
    """The parsed document of a major (a fresh copy: callers may change it)."""
    return copy.deepcopy(_load(document_path(major, baseline)))


def parse_microversion(text):
    """`"2.1"` as `(2, 1)`; None when `text` is not `X.Y`."""
    match = MICROVERSION.match(text or "")
    return (int(match[1]), int(match[2])) if match else None


def microversion_range(document):
    """`(min, max)` from `info.x-naas-microversions`; None for a major without them."""
    declared = document.get("info", {}).get("x-naas-microversions")
    if not declared:
        return None
    return parse_microversion(declared["min"]), parse_microversion(declared["max"])


def _exists_at(node, version):
    if not isinstance(node, dict):
        return True
    low, high = node.get(MIN_KEY), node.get(MAX_KEY)
    if low is not None and version < parse_microversion(str(low)):
        return False
    if high is not None and version > parse_microversion(str(high)):
        return False
    return True


def at_microversion(document, version):
    """A copy of `document` holding only what exists at `version` (a `(major, minor)`)."""

    def prune(node):
        if isinstance(node, list):
            return [prune(item) for item in node if _exists_at(item, version)]
        if not isinstance(node, dict):
            return node
        kept = {key: prune(value) for key, value in node.items() if _exists_at(value, version)}
        properties = node.get("properties")
        if isinstance(properties, dict) and isinstance(node.get("required"), list):
            dropped = {name for name, schema in properties.items()
                       if not _exists_at(schema, version)}
            kept["required"] = [name for name in node["required"] if name not in dropped]
        since = node.get(ENUM_MIN_KEY)
        if isinstance(since, dict) and isinstance(node.get("enum"), list):
            kept["enum"] = [value for value in node["enum"]
                            if value not in since or version >= parse_microversion(str(since[value]))]
        return kept

    pruned = prune(document)
    # A path whose every operation came later (or went earlier) is left out too.
    paths = pruned.get("paths")
    if isinstance(paths, dict):
        pruned["paths"] = {
            template: item for template, item in paths.items()
            if any(method in item for method in HTTP_METHODS)
            or not any(method in document["paths"].get(template, {}) for method in HTTP_METHODS)}
    return pruned


def _pointer(*segments):
    escaped = (str(s).replace("~", "~0").replace("/", "~1") for s in segments)
    return "/" + "/".join(escaped)


def _rfc3339(value):
    if not isinstance(value, str):
        return True
    if not re.match(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _format_checker():
    checker = FormatChecker()
    checker.checks("date-time")(_rfc3339)
    return checker


FORMATS = _format_checker()


class Operation:
    def __init__(self, contract, method, template, spec):
        self.contract = contract
        self.method = method.upper()
        self.template = template
        self.spec = spec
        self.operation_id = spec.get("operationId", f"{method} {template}")
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        self.regex = re.compile(f"^{pattern}$")
        self.templated = "{" in template

    def __repr__(self):
        return f"<{self.contract.major} {self.method} {self.template} ({self.operation_id})>"

    @property
    def statuses(self):
        return set(self.spec.get("responses", {}))


class Contract:
    """One major's document, cut to one microversion when the major has them."""

    def __init__(self, major, microversion=None, baseline=False):
        self.major = major
        source = load_document(major, baseline)
        self.range = microversion_range(source)
        self.microversion = microversion
        self.document = at_microversion(source, microversion) if microversion else source
        self.uri = f"urn:naas:openapi:{major}:{'.'.join(map(str, microversion or ()))}"
        resource = DRAFT202012.create_resource(self.document)
        self.registry = Registry().with_resource(self.uri, resource)
        self.operations = [
            Operation(self, method, template, spec)
            for template, item in self.document.get("paths", {}).items()
            for method, spec in item.items() if method in HTTP_METHODS
        ]

    def find(self, method, path):
        """The operation for a concrete path; literal templates win over templated ones."""
        matches = [op for op in self.operations
                   if op.method == method.upper() and op.regex.match(path)]
        matches.sort(key=lambda op: op.templated)
        return matches[0] if matches else None

    def resolve(self, node, pointer):
        """Follows a local `$ref` of an OpenAPI object: `(object, pointer to it)`."""
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise ValueError(f"unsupported or circular $ref {ref!r}")
            seen.add(ref)
            pointer = ref[1:]
            node = self.document
            for segment in pointer.split("/")[1:]:
                node = node[segment.replace("~1", "/").replace("~0", "~")]
        return node, pointer

    def schema_errors(self, instance, pointer):
        """Every way `instance` fails the schema at `pointer` in this document."""
        schema = {"$ref": f"{self.uri}#{quote(pointer, safe='/~')}"}
        validator = Draft202012Validator(schema, registry=self.registry, format_checker=FORMATS)
        return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))

    def check(self, operation, response):
        """Problems with `response` as an answer to `operation` (empty when it conforms)."""
        status = str(response.status_code)
        responses = operation.spec.get("responses", {})
        key = next((k for k in (status, status[0] + "XX", "default") if k in responses), None)
        if key is None:
            return [f"status {status} is not documented (documented: {sorted(responses)})"]
        base = _pointer("paths", operation.template, operation.method.lower(), "responses", key)
        return self.check_response(responses[key], base, response)

    def check_absent(self, response):
        """Problems with `response` to an operation that does not exist at this
        microversion: it must be the document's plain 404."""
        if response.status_code != 404:
            return [f"status {response.status_code}: the operation does not exist at this "
                    "microversion, so the answer must be 404"]
        pointer = _pointer("components", "responses", "NotFound")
        return self.check_response({"$ref": "#" + pointer}, pointer, response)

    def check_response(self, spec, pointer, response):
        """Problems with `response` against one response object of the document."""
        spec, pointer = self.resolve(spec, pointer)
        return self._check_headers(spec, pointer, response) + self._check_body(spec, pointer, response)

    def _check_headers(self, spec, pointer, response):
        problems = []
        for name, header in spec.get("headers", {}).items():
            header, header_pointer = self.resolve(header, _pointer(*_split(pointer), "headers", name))
            value = response.headers.get(name)
            if value is None:
                if header.get("required"):
                    problems.append(f"header {name} is missing")
                continue
            if "schema" in header:
                for error in self.schema_errors(value, header_pointer + "/schema"):
                    problems.append(f"header {name}: {value!r}: {error.message}")
        return problems

    def _check_body(self, spec, pointer, response):
        content = spec.get("content")
        if not content:
            return [] if not response.content else [f"undocumented body {response.text[:200]!r}"]
        media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media not in content:
            return [f"Content-Type {media or '(none)'!r} is not documented (documented: {sorted(content)})"]
        if media == "application/json" or media.endswith("+json"):
            try:
                body = response.json()
            except ValueError:
                return [f"body is not JSON: {response.text[:200]!r}"]
        else:
            body = response.text
        media_pointer = _pointer(*_split(pointer), "content", media)
        _, schema_pointer = self.resolve(content[media].get("schema", {}), media_pointer + "/schema")
        return [f"body at {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in self.schema_errors(body, schema_pointer)]


def _split(pointer):
    return [s.replace("~1", "/").replace("~0", "~") for s in pointer.split("/")[1:]]


@functools.lru_cache(maxsize=None)
def contract(major, microversion=None, baseline=False):
    """The cached `Contract` of a major at a microversion (`"2.1"` or `(2, 1)`)."""
    if isinstance(microversion, str):
        microversion = parse_microversion(microversion)
    return Contract(major, microversion, baseline)


def major_of(path):
    """Which document describes `path`; the unversioned operational routes are in both."""
    if path == "/v2" or path.startswith("/v2/"):
        return "v2"
    if path == "/v1" or path.startswith("/v1/") or path.startswith(LEGACY_PREFIXES):
        return "v1"
    return "v2"


def requested_microversion(response, version_range):
    """The microversion a v2 response answers at: what the request asked for when
    it was valid and in range, `latest` as the maximum, the minimum when absent;
    for a request whose header was refused, what the response echoes."""
    low, high = version_range
    asked = response.request.headers.get(VERSION_HEADER)
    if asked is None or not asked.strip():
        return low, True
    if asked.strip().lower() == "latest":
        return high, True
    parsed = parse_microversion(asked.strip())
    if parsed is not None and low <= parsed <= high:
        return parsed, True
    echoed = parse_microversion(response.headers.get(VERSION_HEADER, ""))
    return (echoed if echoed is not None and low <= echoed <= high else low), False


def validate_response(response, microversion=None, major=None):
    """Asserts that `response` (a `requests.Response`) is what the document allows
    for its request at `microversion` (v2 only: `"2.0"`, `"2.1"`, ...; by default
    the one the request negotiated). Returns the decoded JSON body (the text of
    a non-JSON body; None when there is no body)."""
    request = response.request
    path = urlsplit(request.url).path
    major = major or major_of(path)
    where = f"{request.method} {path} -> {response.status_code}"
    problems = []
    version = None
    version_range = microversion_range(_load(document_path(major)))
    if version_range is not None:
        negotiated, valid_request = requested_microversion(response, version_range)
        version = parse_microversion(microversion) if isinstance(microversion, str) else microversion
        version = version or negotiated
        echoed = response.headers.get(VERSION_HEADER)
        if valid_request and (path == "/v2" or path.startswith("/v2/")):
            expected = "%d.%d" % negotiated
            if echoed != expected:
                problems.append(f"{VERSION_HEADER} is {echoed!r}, expected {expected!r}")
    elif microversion is not None:
        raise ValueError(f"{major} has no microversions")
    view = contract(major, version)
    operation = view.find(request.method, path)
    if (operation is None and version_range is not None and microversion is None
            and not valid_request):
        # The request named no usable microversion (a 400 or 406 for its
        # header): no microversion was chosen, so an operation of a later one
        # is not absent. Check the answer against the newest.
        view = contract(major, version_range[1])
        operation = view.find(request.method, path)
    at = f" at {'%d.%d' % version}" if version else ""
    if operation is None:
        outside = contract(major).find(request.method, path) if version else None
        if outside is None:
            raise ContractViolation(f"{where}: no operation in openapi/{major}.yaml{at}")
        operation = outside
        problems += view.check_absent(response)
    else:
        problems += view.check(operation, response)
    if problems:
        raise ContractViolation(
            f"{where} ({operation.operation_id}{at}) breaks openapi/{major}.yaml:\n  - "
            + "\n  - ".join(problems) + f"\nheaders: {dict(response.headers)}"
            + f"\nbody: {response.text[:600]}")
    covered.add((major, operation.operation_id, str(response.status_code)))
    media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if response.content and (media == "application/json" or media.endswith("+json")):
        return json.loads(response.content)
    return response.text or None
