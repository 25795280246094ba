"""`naas parse`: saved device output through ntc-templates, offline, judged against Python's
`ntc_templates.parse.parse_output` on the same text with the same templates folder.

The raw outputs come from ntc-templates' conformance corpus (NTC_TEMPLATES_TESTS, default
/work/shared/ntc-templates-tests): a spread of commands across every platform, since each run
of the binary costs a process start. The corpus benchmark (bench/) runs every case.
"""
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import ntc_templates
import pytest
from ntc_templates.parse import parse_output

CORPUS = Path(os.environ.get("NTC_TEMPLATES_TESTS", "/work/shared/ntc-templates-tests"))
TEMPLATES = Path(ntc_templates.__file__).parent / "templates"
COMMANDS_PER_PLATFORM = 4


def corpus_sample():
    """Up to COMMANDS_PER_PLATFORM commands per platform, spread over its commands, one raw file each."""
    if not CORPUS.is_dir():
        return []
    cases = []
    for platform in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        commands = sorted(c for c in platform.iterdir() if c.is_dir())
        step = max(1, len(commands) // COMMANDS_PER_PLATFORM)
        for folder in commands[::step][:COMMANDS_PER_PLATFORM]:
            raws = sorted(folder.glob("*.raw"))
            if raws:
                cases.append((platform.name, folder.name.replace("_", " "), raws[0]))
    return cases


def naas_parse(naas_bin, *args, stdin=None, env=None, cwd=None):
    return subprocess.run([str(naas_bin), "parse", *map(str, args)], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=60)


def python_parse(platform, command, text, template_dir=None):
    """parse_output's records, or the text of the exception it raised."""
    try:
        return parse_output(platform=platform, command=command, data=text, template_dir=template_dir), None
    except Exception as error:  # noqa: BLE001  (ParsingException or TextFSMError: both end a parse)
        return None, str(error)


@pytest.fixture(scope="module")
def sample():
    cases = corpus_sample()
    if not cases:
        pytest.skip(f"the ntc-templates conformance corpus is not at {CORPUS} (set NTC_TEMPLATES_TESTS)")
    return cases


def test_corpus_outputs_parse_as_python_parses_them(naas_bin, sample):
    def check(case):
        platform, command, raw = case
        text = raw.read_text()
        expected, error = python_parse(platform, command, text, str(TEMPLATES))
        result = naas_parse(naas_bin, "--platform", platform, "--command", command,
                            "--templates-dir", TEMPLATES, raw)
        where = f"{raw.relative_to(CORPUS)}"
        if error is not None:
            return None if result.returncode in (1, 2) else f"{where}: Python raised {error!r}, naas exited {result.returncode}"
        if result.returncode != 0:
            return f"{where}: exit {result.returncode}: {result.stderr.decode()[:300]}"
        if json.loads(result.stdout) != expected:
            return f"{where}: records differ from parse_output's"
        return None

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        problems = [p for p in pool.map(check, sample) if p]
    assert not problems, "\n".join(problems)
    assert len(sample) >= 100


def test_keys_follow_the_templates_value_order(naas_bin):
    raw = next(iter(sorted((CORPUS / "cisco_ios" / "show_version").glob("*.raw"))), None)
    if raw is None:
        pytest.skip(f"no cisco_ios show version case under {CORPUS}")
    result = naas_parse(naas_bin, "--platform", "cisco_ios", "--command", "show version", raw)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout, object_pairs_hook=lambda pairs: pairs)
    values = [line.split()[-2].lower() for line in (TEMPLATES / "cisco_ios_show_version.textfsm").read_text().splitlines()
              if line.startswith("Value ")]
    assert [key for key, _ in records[0]] == values
    # Indented for people by default; --compact gives one line for scripts, with the same content.
    compact = naas_parse(naas_bin, "--platform", "cisco_ios", "--command", "show version", "--compact", raw)
    assert compact.stdout.decode().count("\n") == 1
    assert json.loads(compact.stdout) == json.loads(result.stdout)


def test_standard_input_is_read_without_a_file_or_with_dash(naas_bin):
    text = b"Interface              IP-Address      OK? Method Status                Protocol\n" \
           b"Vlan1                  10.0.0.2        YES NVRAM  up                    up\n"
    expected = [{"interface": "Vlan1", "ip_address": "10.0.0.2", "status": "up", "proto": "up"}]
    for extra in ([], ["-"]):
        result = naas_parse(naas_bin, "--platform", "cisco_ios", "--command", "show ip int brief", *extra, stdin=text)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected


def test_a_netmiko_platform_name_finds_the_templates_filed_under_an_alias(naas_bin):
    text = (CORPUS / "huawei_vrp" / "display_version")
    raw = next(iter(sorted(text.glob("*.raw"))), None) if text.is_dir() else None
    if raw is None:
        pytest.skip(f"no huawei_vrp display version case under {CORPUS}")
    expected, _ = python_parse("huawei_vrp", "display version", raw.read_text())
    result = naas_parse(naas_bin, "--platform", "huawei", "--command", "display version", raw)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_template_file_replaces_the_index(naas_bin, tmp_path):
    template = tmp_path / "uptime.textfsm"
    template.write_text("Value HOST (\\S+)\nValue List WORDS (\\w+)\n\nStart\n"
                        "  ^${HOST} uptime is ${WORDS} -> Continue\n  ^\\S+ uptime is \\S+ ${WORDS} -> Record\n")
    result = naas_parse(naas_bin, "--template", template, stdin=b"core1 uptime is 3 weeks\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"host": "core1", "words": ["3", "weeks"]}]


def test_templates_dir_and_its_environment_variable_choose_the_folder(naas_bin, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "index").write_text("Template, Hostname, Platform, Command\n\nlab_show_name.textfsm, .*, lab_os, sh[[ow]] name\n")
    (folder / "lab_show_name.textfsm").write_text("Value NAME (\\S+)\n\nStart\n  ^name: ${NAME} -> Record\n")
    for args, env in (([ "--templates-dir", folder], None), ([], {"NAAS_TEMPLATES_DIR": str(folder)})):
        result = naas_parse(naas_bin, "--platform", "lab_os", "--command", "sh name", *args, stdin=b"name: edge-7\n", env=env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [{"name": "edge-7"}]
        assert json.loads(result.stdout) == parse_output(platform="lab_os", command="sh name", data="name: edge-7\n",
                                                          template_dir=str(folder))


def test_no_template_is_exit_2_and_says_so(naas_bin):
    result = naas_parse(naas_bin, "--platform", "cisco_ios", "--command", "show nothing at all", stdin=b"x\n")
    assert result.returncode == 2
    assert b"no template for platform cisco_ios and command \"show nothing at all\"" in result.stderr
    assert result.stdout == b""


def test_a_template_that_does_not_load_is_exit_1_naming_file_and_line(naas_bin, tmp_path):
    template = tmp_path / "broken.textfsm"
    template.write_text("Value NAME (\\S+)\n\nStart\n  ^${NAME} -> Bogus\n")
    result = naas_parse(naas_bin, "--template", template, stdin=b"x\n")
    assert result.returncode == 1
    message = result.stderr.decode()
    assert str(template) in message and "line 4" in message, message


def test_a_rule_error_is_exit_1_with_pythons_message(naas_bin, tmp_path):
    template = tmp_path / "strict.textfsm"
    template.write_text("Value NAME (\\S+)\n\nStart\n  ^name: ${NAME} -> Record\n  ^. -> Error\n")
    result = naas_parse(naas_bin, "--template", template, stdin=b"name: a\nsurprise\n")
    assert result.returncode == 1
    assert "State Error raised. Rule Line: 5. Input Line: surprise" in result.stderr.decode()
    assert result.stdout == b""


def test_a_missing_input_file_is_exit_3(naas_bin, tmp_path):
    result = naas_parse(naas_bin, "--platform", "cisco_ios", "--command", "show version", tmp_path / "absent.txt")
    assert result.returncode == 3
    assert f"input file {tmp_path / 'absent.txt'} does not exist".encode() in result.stderr


def test_platform_and_command_are_required_without_a_template(naas_bin):
    result = naas_parse(naas_bin, "--command", "show version", stdin=b"")
    assert result.returncode == 64
    assert b"--platform is required" in result.stderr
