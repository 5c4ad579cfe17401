"""Screen texts from the command line, without Django or a database (issue 5 part 4).

    python -m fairhire.screening < in.jsonl > out.jsonl

Reads one JSON object ``{"id": ..., "text": "..."}`` per line on standard input and writes one line
``{"id": ..., "flags": [...], "ruleset": "..."}`` per input line, in input order, on standard
output. Each flag is the engine's ``Flag.to_dict()``: the same fields the API returns, offsets into
the given text. The shipped ruleset is used (operator overrides live in the database and apply to
``screen_text`` only). Blank lines are skipped. A line that is not such an object gets
``{"id": <its id or null>, "error": "..."}`` in its place and the exit status becomes 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from fairhire.screening.engine import check, default_ruleset


def screen_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line, in order."""
    ruleset = default_ruleset()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield {"id": None, "error": f"line {number}: not JSON ({error.msg})"}
            continue
        ident = item.get("id") if isinstance(item, dict) else None
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str):
            yield {"id": ident, "error": f"line {number}: expected an object with a string text"}
            continue
        result = check(text, ruleset=ruleset)
        yield {"id": ident, "flags": [flag.to_dict() for flag in result.flags],
               "ruleset": result.ruleset_version}


def main(stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for stream in (stdin, stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    status = 0
    for row in screen_lines(stdin):
        if "error" in row:
            status = 1
        stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
