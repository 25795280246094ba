"""Runs several fake-switches devices in one Twisted reactor for the test suite.

fake-switches 1.5.0 needs three fixes to behave like the IOS devices NAAS
talks to, and they live here rather than in a fork:
- its stock CLI hands the enable secret over as bytes, so `enable` with a
  password is refused: we pass it as text;
- Cisco config mode has no `end`: we teach the config processor to leave
  config mode (from any sub-mode) on `end`, as IOS does;
- one device per process is slow to start: every device shares one reactor.

Usage: fake_switches_launcher.py --device NAME:MODEL:PORT[:enabled] ... 
       [--username U] [--password P] [--enable-secret S]
"""
import argparse
import logging
import sys

from fake_switches import switch_factory
from fake_switches.cisco.command_processor.config import ConfigCommandProcessor
from fake_switches.transports.ssh_service import SwitchSshService
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
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--enable-secret", default="secret")
    parser.add_argument("--listen-host", default="127.0.0.1")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING)
    _teach_end_to_config_mode()
    factory = switch_factory.SwitchFactory()
    for spec in args.device:
        parts = spec.split(":")
        name, model, port = parts[0], parts[1], int(parts[2])
        auto_enabled = len(parts) > 3 and parts[3] == "enabled"
        core = factory.get(model, name, args.enable_secret, auto_enabled=auto_enabled)
        service = SwitchSshService(ip=args.listen_host, port=port, switch_core=core,
                                   users={args.username: args.password.encode()})
        service.hook_to_reactor(reactor)
        print(f"device {name} ({model}) on {args.listen_host}:{port}", flush=True)
    reactor.run()


if __name__ == "__main__":
    main(sys.argv[1:])
