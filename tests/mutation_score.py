"""Print the mutation score of each module from mutmut's results: `python -m tests.mutation_score`.

A mutant is caught when the tests fail (killed) or hang (timeout) on it; survived and "no tests"
are changes the tests let through; "not checked" ones were not run (an interrupted run).
Run after `mutmut run` (make mutation).
"""

import re
import subprocess
import sys
from collections import Counter, defaultdict

CAUGHT = {"killed", "timeout"}
GOAL = 0.9


def main():
    output = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    outcomes = defaultdict(Counter)
    survivors = defaultdict(list)
    for line in output.splitlines():
        match = re.match(r"\s*(?P<name>\S+?)\.x[_ǁ]\S*__mutmut_\d+: (?P<status>.+)$", line)
        if not match:
            continue
        module, status = match["name"], match["status"].strip()
        outcomes[module][status] += 1
        if status not in CAUGHT and status != "not checked":
            survivors[module].append(line.strip().split(":")[0])
    if not outcomes:
        sys.exit("No mutmut results: run `make mutation` first.")
    print(f"{'module':62} {'mutants':>7} {'caught':>6} {'score':>6}")
    total = caught = unchecked = 0
    for module in sorted(outcomes):
        skipped = outcomes[module]["not checked"]
        count = sum(outcomes[module].values()) - skipped
        hit = sum(outcomes[module][status] for status in CAUGHT)
        total, caught, unchecked = total + count, caught + hit, unchecked + skipped
        score = f"{hit / count:6.0%}" if count else "     –"
        flag = "  < 90 %" if count and hit < GOAL * count else ""
        flag += f"  ({skipped} not checked)" if skipped else ""
        print(f"{module:62} {count:7} {hit:6} {score}{flag}")
    print(f"{'all':62} {total:7} {caught:6} {caught / total:6.0%}")
    for module in sorted(survivors):
        print(f"\n{module}: not caught (`mutmut show <name>` prints the change)")
        for name in survivors[module]:
            print(f"  {name}")


if __name__ == "__main__":
    main()
