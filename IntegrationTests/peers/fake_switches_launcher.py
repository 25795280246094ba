"""Runs several fake-switches devices in one Twisted reactor for the test suite.

fake-switches 1.5.0 needs three fixes to behave like the IOS devices NAAS
talks to, and they live here rather than in a fork:
- its stock CLI hands the enable secret over as bytes, so `enable` with a
  password is refused: we pass it as text;
- Cisco config mode has no `end`: we teach the config processor to leave
  config mode (from any sub-mode) on `end`, as IOS does;
- one device per process is slow to start: every device shares one reactor.

A device may also listen for Telnet (`--telnet NAME:PORT`). Both listeners
share one switch core, so a change made over one shows over the other, as on
a real device. fake-switches' Telnet shell asks for a username and password
but accepts any.

Usage: fake_switches_launcher.py --device NAME:MODEL:PORT[:enabled] ...
       [--telnet NAME:PORT ...]
       [--username U] [--password P] [--enable-secret S]
"""
import argparse
import logging
import sys

from fake_switches import switch_factory
from fake_switches.cisco.command_processor.config import ConfigCommandProcessor
from fake_switches.transports.ssh_service import SwitchSshService
from fake_switches.transports.telnet_service import SwitchTelnetService
from twisted.internet import reactor


def _teach_end_to_config_mode():
    original = ConfigCommandProcessor.process_command

    def process_command(self, line):
        if line.strip() == "end":
            self.sub_processor = None
            self.is_done = True
            return True
        return original(self, line)

    ConfigCommandProcessor.process_command = process_command


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", action="append", required=True,
                        help="NAME:MODEL:PORT[:enabled]")
    parser.add_argument("--telnet", action="append", default=[],
                        help="NAME:PORT, a Telnet listener for a --device")
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--enable-secret", default="secret")
    parser.add_argument("--listen-host", default="127.0.0.1")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING)
    _teach_end_to_config_mode()
    factory = switch_factory.SwitchFactory()
    cores = {}
    for spec in args.device:
        parts = spec.split(":")
        name, model, port = parts[0], parts[1], int(parts[2])
        auto_enabled = len(parts) > 3 and parts[3] == "enabled"
        core = factory.get(model, name, args.enable_secret, auto_enabled=auto_enabled)
        cores[name] = core
        service = SwitchSshService(ip=args.listen_host, port=port, switch_core=core,
                                   users={args.username: args.password.encode()})
        service.hook_to_reactor(reactor)
        print(f"device {name} ({model}) on {args.listen_host}:{port}", flush=True)
    for spec in args.telnet:
        name, port = spec.rsplit(":", 1)
        if name not in cores:
            parser.error(f"--telnet {spec}: no --device named {name}")
        service = SwitchTelnetService(ip=args.listen_host, port=int(port), switch_core=cores[name])
        service.hook_to_reactor(reactor)
        print(f"device {name} on telnet {args.listen_host}:{port}", flush=True)
    reactor.run()


if __name__ == "__main__":
    main(sys.argv[1:])
