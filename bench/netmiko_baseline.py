"""Netmiko doing the same job as one NAAS job: connect, `show version`,
disconnect, timed per round, rounds sequential. Netmiko 4.8's defaults are
kept (fast_cli=True is already the default); only the connection itself is
given: device type, host, port, username, password, secret.
Prints one JSON line (see stats.py).
"""
import argparse
import logging
import sys
import time

from netmiko import ConnectHandler

from stats import print_line

EXPECTED = "Cisco IOS Software"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--secret", default="")
    parser.add_argument("--count", type=int, default=20)
    return parser.parse_args()


def one_round(args):
    started = time.perf_counter()
    connection = ConnectHandler(device_type="cisco_ios", host=args.host, port=args.port,
                                username=args.user, password=args.password, secret=args.secret)
    try:
        output = connection.send_command("show version")
    finally:
        connection.disconnect()
    elapsed_ms = (time.perf_counter() - started) * 1000
    if EXPECTED not in output:
        sys.exit(f"netmiko output lacks {EXPECTED!r}: {output[:300]!r}")
    return elapsed_ms


def main():
    args = parse_args()
    # paramiko logs every connection at INFO; the bench prints only its result.
    logging.basicConfig(level=logging.WARNING)
    print_line("netmiko", [one_round(args) for _ in range(args.count)])


if __name__ == "__main__":
    main()
