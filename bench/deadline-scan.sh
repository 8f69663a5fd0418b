#!/usr/bin/env bash
# The deadline scan at scale (TL5, BENCHMARKS.md P4, target ≤ 50 ms at 1,000,000 open cases):
# seeds 100,000 and 1,000,000 open cases on a SQLite file (a few hundred crossing a light at
# "now"), times one scan at each size (median, min, max of 5 runs) and prints the scan query's plan.
# Usage: bench/deadline-scan.sh [sizes=100000,1000000] [runs=5] [crossing-yellow=250] [crossing-red=50]
# The database files (≈ 0.5 GB at 1,000,000) go to a temporary folder removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
dotnet build bench/DeadlineScan -c Release -v quiet -nologo >"$data/build.log" 2>&1 || { cat "$data/build.log"; exit 1; }
dotnet bench/DeadlineScan/bin/Release/net10.0/DeadlineScan.dll "${1:-100000,1000000}" "${2:-5}" "${3:-250}" "${4:-50}" "$data"
