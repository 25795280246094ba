"""What a command's output must not contain once NAAS has cleaned it."""

ANSI_ESCAPE = "\x1b"


def assert_clean(output, command, prompts):
    """No echoed command at the top, no prompt anywhere, no terminal escapes."""
    assert isinstance(output, str), output
    assert not output.lstrip().startswith(command), f"command echoed:\n{output[:300]}"
    for prompt in prompts:
        assert prompt not in output, f"prompt {prompt!r} left in output:\n{output[-300:]}"
    assert ANSI_ESCAPE not in output, f"escape sequence in output: {output!r}"


def lines(output):
    return [line.strip() for line in output.splitlines() if line.strip()]
