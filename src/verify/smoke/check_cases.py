"""Checks the outputs of a model's test cases from a smoke run, on the HOST, with the checkers the
emitted tests use (runtime/model_tests/checks.py; jq_query through the jq package, real libjq).
Only data passes through here: the outputs and errors the platform returned, never user code.

Usage: python check_cases.py CHECKS_DIR < [{"id", "checker", "output", "error"}, ...]
Prints [{"id", "ok", "message"}, ...].
"""

import json
import sys

sys.path.insert(0, sys.argv[1])
from checks import CheckFailed, NeedsJudgement, check  # noqa: E402

results = []
for case in json.load(sys.stdin):
    try:
        check(case["checker"], case["output"], case["error"])
        results.append({"id": case["id"], "ok": True, "message": ""})
    except CheckFailed as e:
        results.append({"id": case["id"], "ok": False, "message": str(e)})
    except NeedsJudgement as e:
        results.append({"id": case["id"], "ok": None, "message": str(e)})
sys.stdout.write(json.dumps(results))
