"""Python's side of the corpus benchmark: every case of ntc-templates' conformance corpus
through `ntc_templates.parse.parse_output`, one after the other, as `naas-bench textfsm` runs
them through the Swift engine.

The raw files are read (bytes, decoded as UTF-8 with replacement, as the Swift side decodes
them) before timing starts. parse_output reads the index once (CliTable caches it per process)
and compiles the command's template on every call: that is its cost as Netmiko and scripts use
it. A case that raises (no template, a rule's Error) is counted and named, not dropped.

Prints one JSON line: the median pass over --rounds passes, and from the last pass the per-case
median and 99th percentile (nearest rank) and the slowest cases.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

from ntc_templates.parse import parse_output

DEFAULT_CORPUS = "/work/shared/ntc-templates-tests"


def load_cases(root, limit):
    """(path, platform, command, text) in path order, the order the Swift side uses."""
    cases = []
    for platform in sorted(p for p in root.iterdir() if p.is_dir()):
        for folder in sorted(c for c in platform.iterdir() if c.is_dir()):
            for raw in sorted(folder.glob("*.raw")):
                text = raw.read_bytes().decode("utf-8", errors="replace")
                cases.append((str(raw.relative_to(root)), platform.name, folder.name.replace("_", " "), text))
                if limit and len(cases) >= limit:
                    return cases
    return cases


def one_pass(cases, template_dir):
    """Wall time of the pass, each case's time, and the failures."""
    failures, times = [], []
    start = time.perf_counter()
    for path, platform, command, text in cases:
        before = time.perf_counter()
        try:
            parse_output(platform=platform, command=command, data=text, template_dir=template_dir)
        except Exception as error:  # noqa: BLE001  (every way a case can fail is counted)
            failures.append(f"{path}: {type(error).__name__}: {error}"[:300])
        times.append(time.perf_counter() - before)
    return time.perf_counter() - start, times, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("NTC_TEMPLATES_TESTS") or DEFAULT_CORPUS)
    parser.add_argument("--templates-dir", help="default: ntc-templates' own folder (or NTC_TEMPLATES_DIR)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N cases (a smoke run)")
    args = parser.parse_args()

    root = Path(args.corpus)
    if not root.is_dir():
        print(json.dumps({"tool": "python_textfsm", "skipped": f"the conformance corpus is not at {root} "
                          "(set NTC_TEMPLATES_TESTS)"}), flush=True)
        return
    cases = load_cases(root, args.limit)
    if not cases:
        sys.exit(f"no .raw cases under {root}")
    passes = [one_pass(cases, args.templates_dir) for _ in range(args.rounds)]
    seconds = statistics.median(wall for wall, _, _ in passes)
    _, times, failures = passes[-1]
    ordered = sorted(times)
    slowest = sorted(zip(times, (case[0] for case in cases)), reverse=True)[:5]
    print(json.dumps({
        "tool": "python_textfsm", "cases": len(cases), "rounds": args.rounds,
        "pass_s": round(seconds, 4), "cases_per_s": round(len(cases) / seconds, 1),
        "case_p50_ms": round(statistics.median(ordered) * 1000, 3),
        "case_p99_ms": round(ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)] * 1000, 3),
        "slowest": [f"{path}: {elapsed * 1000:.1f} ms" for elapsed, path in slowest],
        "failed": len(failures), "failures": failures[:10],
    }, sort_keys=True), flush=True)

if __name__ == "__main__":
    main()
