#!/usr/bin/env bash
# Checks the FollowUp.Rules package: README, XML docs, JSON Schemas, symbols, and the three allowed dependencies only.
set -euo pipefail
dir=${1:-artifacts/packages}
package=$(ls "$dir"/FollowUp.Rules.[0-9]*.nupkg | head -n 1)
symbols=$(ls "$dir"/FollowUp.Rules.[0-9]*.snupkg | head -n 1)
echo "checking $package"
listing=$(unzip -l "$package")
for expected in README.md THIRD-PARTY-NOTICES.md lib/net10.0/FollowUp.Rules.dll lib/net10.0/FollowUp.Rules.xml \
  schemas/record.schema.json schemas/evaluation.schema.json schemas/report.schema.json schemas/reminder.schema.json; do
  grep -q " $expected\$" <<<"$listing" || { echo "missing from package: $expected"; exit 1; }
done
[ -s "$symbols" ] || { echo "missing symbol package"; exit 1; }
nuspec=$(unzip -p "$package" '*.nuspec')
deps=$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | sed 's/<dependency id="//; s/"//' | sort -u | tr '\n' ' ')
expected_deps="FluentValidation Microsoft.Extensions.DependencyInjection.Abstractions Microsoft.Extensions.Options "
if [ "$deps" != "$expected_deps" ]; then
  echo "unexpected dependencies: '$deps' (expected '$expected_deps')"; exit 1
fi
for field in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<repository ' '<releaseNotes>' '<tags>'; do
  grep -q "$field" <<<"$nuspec" || { echo "nuspec lacks $field"; exit 1; }
done
tool=$(ls "$dir"/FollowUp.Rules.Cli.[0-9]*.nupkg | head -n 1)
# A package README is read on nuget.org, where a link relative to the repository leads nowhere.
for pkg in "$package" "$tool"; do
  if unzip -p "$pkg" README.md | grep -nE '\]\([^)h#][^)]*\)'; then echo "$pkg: its README has relative links"; exit 1; fi
done
unzip -p "$tool" '*.nuspec' | grep -q '<packageType name="DotnetTool"' || { echo "$tool is not a .NET tool package"; exit 1; }
# The import layer (CSV/xlsx, with Sep and MiniExcel) ships inside the tool, not as a package of its own.
tool_listing=$(unzip -l "$tool")
for expected in FollowUp.Rules.Import.dll Sep.dll MiniExcel.dll; do
  grep -q "/$expected\$" <<<"$tool_listing" || { echo "missing from the tool package: $expected"; exit 1; }
done
grep -q " THIRD-PARTY-NOTICES.md\$" <<<"$tool_listing" || { echo "missing from the tool package: THIRD-PARTY-NOTICES.md"; exit 1; }
if ls "$dir"/FollowUp.Rules.Import.[0-9]*.nupkg >/dev/null 2>&1; then
  echo "FollowUp.Rules.Import must not be packed: the only library package is FollowUp.Rules"; exit 1
fi
echo "package OK: dependencies $deps; the tool carries the import layer"
