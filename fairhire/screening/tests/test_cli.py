"""``python -m fairhire.screening``: JSON lines in, flags out, in order, without a database.

It must give the same flags as ``services.screen_text`` (what posting submission and the API use)
for the same text, with the shipped ruleset in force.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fairhire.screening import services
from fairhire.screening.engine import default_ruleset

REPO = Path(__file__).resolve().parents[3]
CASES = Path(__file__).resolve().parents[1] / "data" / "cases.jsonl"


def run_cli(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fairhire.screening"], input=stdin, cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def spans(flags):
    return [(flag["category"], flag["severity"], flag["start"], flag["end"], flag["excerpt"])
            for flag in flags]


@pytest.mark.django_db
@pytest.mark.req("R15.2")
@pytest.mark.req("R15.3")
@pytest.mark.req("R19.1")
@pytest.mark.req("R19.2")
def test_the_cli_gives_the_flags_screen_text_gives_for_every_labelled_case_in_input_order():
    # given: every text of the labelled set, plus a disguised one, as JSON lines
    cases = [json.loads(line) for line in CASES.read_text("utf-8").splitlines() if line.strip()]
    items = [{"id": case["id"], "text": case["text"]} for case in cases]
    items.append({"id": 7, "text": "僅招女生，三十五歲以下，入職交押金"})
    stdin = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    # when
    done = run_cli(stdin)
    # then
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    for item, row in zip(items, rows, strict=True):
        expected = services.screen_text(item["text"]).to_dict()
        assert spans(row["flags"]) == spans(expected["flags"]), item["id"]
        assert row["ruleset"] == expected["ruleset"] == default_ruleset().version
        for flag in row["flags"]:
            assert item["text"][flag["start"]:flag["end"]] == flag["excerpt"]
    assert {flag["category"] for flag in rows[-1]["flags"]} == {"gender", "age", "deposit_fee"}


def test_a_bad_line_gets_an_error_in_its_place_and_a_failing_status():
    done = run_cli('{"id": "a", "text": "限男性"}\nnot json\n\n{"id": "c", "text": 3}\n'
                   '{"id": "d", "text": "男女不限"}\n')
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [row["id"] for row in rows] == ["a", None, "c", "d"]
    assert [flag["category"] for flag in rows[0]["flags"]] == ["gender"]
    assert "error" in rows[1] and "error" in rows[2]
    assert rows[3]["flags"] == []


def test_the_cli_needs_no_django():
    code = ("import sys, io, fairhire.screening.__main__ as cli; out = io.StringIO(); "
            "cli.main(io.StringIO('{\"id\": 1, \"text\": \"限男性\"}\\n'), out); "
            "assert 'gender' in out.getvalue(); assert 'django' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
