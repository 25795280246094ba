"""Latency summary shared by the Python clients, matching naas-bench's:
nearest-rank percentiles (the value at rank ceil(p * n)), milliseconds."""
import json
import math


def summary(tool, samples_ms):
    ordered = sorted(samples_ms)

    def rank(p):
        return ordered[max(0, math.ceil(p * len(ordered)) - 1)]

    return {
        "tool": tool,
        "count": len(ordered),
        "min_ms": round(ordered[0], 3),
        "p50_ms": round(rank(0.50), 3),
        "p95_ms": round(rank(0.95), 3),
        "max_ms": round(ordered[-1], 3),
    }


def print_line(tool, samples_ms):
    print(json.dumps(summary(tool, samples_ms), sort_keys=True), flush=True)
