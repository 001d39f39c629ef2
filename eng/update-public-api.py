#!/usr/bin/env python3
"""Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt,
and drops declared symbols that no longer exist (RS0017). Run after changing the public surface, then review the diff.
Usage: eng/update-public-api.py [project folder, default src/FollowUp.Rules]"""
import re
import subprocess
import sys
from pathlib import Path

project = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "src" / "FollowUp.Rules"
unshipped = project / "PublicAPI.Unshipped.txt"

for _ in range(3):
    build = subprocess.run(
        ["dotnet", "build", str(project), "--no-incremental", "-p:TreatWarningsAsErrors=false", "-clp:NoSummary"],
        capture_output=True, text=True)
    added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", build.stdout))
    removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", build.stdout))
    if not added and not removed:
        break
    lines = [l for l in unshipped.read_text(encoding="utf-8").splitlines() if l and l not in removed]
    header = [l for l in lines if l.startswith("#")]
    body = sorted(set(l for l in lines if not l.startswith("#")) | added, key=str.lower)
    unshipped.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"added {len(added)}, removed {len(removed)}")
else:
    sys.exit("public API did not settle after three builds")
