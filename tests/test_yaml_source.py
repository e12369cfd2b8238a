from __future__ import annotations

from pathlib import Path

import pytest

from generator.config.yaml_source import load_source


def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "f.yaml"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"name: B\n\tsector: x\n",
            "2:1: YAML syntax error: a tab character here; indent YAML with spaces, not tabs",
        ),
        (
            b"name: 'B\nsector: x\n",
            "1:7: YAML syntax error: this quoted text is never closed; add the closing quote",
        ),
        (
            b'a: 1\nb: "x\n',
            "2:4: YAML syntax error: this quoted text is never closed; add the closing quote",
        ),
        (
            b"name: B\nname: C\n",
            "2:1: duplicate key 'name'; each key may appear only once in a mapping",
        ),
        (
            b"a: 1\nb: caf\xe9\n",
            "2:7: the file is not UTF-8 text (byte 0xE9); save it with UTF-8 encoding",
        ),
        (
            b"a: [1, 2\n",
            "2:1: YAML syntax error: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence)",
        ),
    ],
)
def test_syntax_problems_are_located(tmp_path: Path, content: bytes, expected: str) -> None:
    path = write(tmp_path, content)
    source, problems = load_source(path)
    assert source is None
    assert [str(p) for p in problems] == [f"{path}:{expected}"]


def test_bom_and_crlf_are_valid(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfname: Caf\xc3\xa9\r\nsector: x\r\n")
    source, problems = load_source(path)
    assert problems == []
    assert source is not None
    assert dict(source.data) == {"name": "Café", "sector": "x"}


def test_yaml_12_scalars_stay_as_written(tmp_path: Path) -> None:
    source, _ = load_source(write(tmp_path, b"a: NO\nb: 010\nc: 12:30\nd: 2026-02-30\n"))
    assert source is not None
    assert dict(source.data) == {"a": "NO", "b": 10, "c": "12:30", "d": "2026-02-30"}


def test_missing_file(tmp_path: Path) -> None:
    source, problems = load_source(tmp_path / "nope.yaml")
    assert source is None
    assert [str(p) for p in problems] == [f"{tmp_path / 'nope.yaml'}: file not found"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"name: X\x07\n",
            ":1:8: a control character (U+0007) that YAML files may not contain; remove it",
        ),
        (
            b"a: 1\nb: \x1b[0m\n",
            ":2:4: a control character (U+001B) that YAML files may not contain; remove it",
        ),
        (
            b"priority: !!int abc\n",
            ": cannot read this YAML: invalid literal for int() with base 10: 'abc'",
        ),
        (b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", ": YAML nested too deeply to read"),
    ],
)
def test_unreadable_yaml_is_a_message_not_a_traceback(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = write(tmp_path, content)
    source, problems = load_source(path)
    assert source is None
    assert [str(p) for p in problems] == [f"{path}{expected}"]
