#!/usr/bin/env python3
"""Turn the ntc-templates conformance corpus into one JSON file for the Swift tests.

Usage: .venv/bin/python scripts/ntc-corpus.py [--optional] OUTPUT.json

With --optional, a missing corpus is not an error: OUTPUT is removed and
the Swift conformance test skips itself (for machines without the corpus).

The corpus (<platform>/<command_with_underscores>/<name>.raw beside <name>.yml)
is read from $NTC_TEMPLATES_TESTS, else from ../shared/ntc-templates-tests
next to this repository. Each case is read the way ntc-templates' own test
reads it, so the Swift side sees exactly the text Python parses:

- platform is the first folder, command the second with "_" turned into " ";
- the .raw file is open(path, "r", encoding="utf-8").read(): text mode, so
  universal newlines turn "\\r\\n" and a lone "\\r" into "\\n";
- the expectation is yaml.safe_load(...)["parsed_sample"].

The output is a JSON list of {"case", "platform", "command", "raw",
"expected"}, sorted by case path, written atomically. Needs PyYAML.
"""

import glob
import json
import os
import sys

import yaml


def corpus_dir():
    configured = os.environ.get("NTC_TEMPLATES_TESTS")
    if configured:
        return configured
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(os.path.dirname(repo), "shared", "ntc-templates-tests")


def check_expected(case, expected):
    """The Swift side expects records of strings and lists of strings; say so here if not."""
    if not isinstance(expected, list):
        raise SystemExit(f"{case}: parsed_sample is not a list")
    for record in expected:
        if not isinstance(record, dict):
            raise SystemExit(f"{case}: a record is not a mapping")
        for key, value in record.items():
            is_list = isinstance(value, list) and all(isinstance(item, str) for item in value)
            if not isinstance(key, str) or not (isinstance(value, str) or is_list):
                raise SystemExit(f"{case}: {key!r} is neither a string nor a list of strings")


def main():
    args = sys.argv[1:]
    optional = "--optional" in args
    args = [arg for arg in args if arg != "--optional"]
    if len(args) != 1:
        raise SystemExit(__doc__)
    output = args[0]
    root = corpus_dir()
    if not os.path.isdir(root):
        message = f"ntc-templates corpus not found at {root} (set NTC_TEMPLATES_TESTS)"
        if not optional:
            raise SystemExit(message)
        if os.path.exists(output):
            os.remove(output)
        print(f"ntc-corpus: {message}; the conformance test will be skipped")
        return

    cases = []
    for raw_path in sorted(glob.glob(os.path.join(root, "*", "*", "*.raw"))):
        relative = os.path.relpath(raw_path, root)
        platform, command_dir, _ = relative.split(os.sep)
        with open(raw_path, "r", encoding="utf-8") as data:
            raw = data.read()
        with open(raw_path[:-4] + ".yml", "r", encoding="utf-8") as data:
            expected = yaml.safe_load(data.read())["parsed_sample"]
        check_expected(relative, expected)
        cases.append({
            "case": relative,
            "platform": platform,
            "command": " ".join(command_dir.split("_")),
            "raw": raw,
            "expected": expected,
        })
    if not cases:
        raise SystemExit(f"no .raw cases under {root}")

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    partial = output + ".partial"
    with open(partial, "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False)
    os.replace(partial, output)
    print(f"ntc-corpus: {len(cases)} cases from {root} -> {output}")


if __name__ == "__main__":
    main()
