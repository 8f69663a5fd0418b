#!/usr/bin/env bash
# Measures the time from `dotnet run` to the wall screen's first paint, on a fresh demo database.
# Usage: bench/first-paint.sh [--cold]   (--cold: include the build, as a first run from a clean clone)
set -euo pipefail
cd "$(dirname "$0")/.."
port=5099
data=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT
dotnet build bench/FirstPaint -c Release -v quiet >/dev/null
[ "${1:-}" = "--cold" ] || dotnet build HallOps.Web -v quiet >/dev/null
start=$(date +%s%3N)
ConnectionStrings__Hall="Data Source=$data/hallops.db" \
  dotnet run --project HallOps.Web $([ "${1:-}" = "--cold" ] || echo --no-build) -- --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
app=$!
dotnet bench/FirstPaint/bin/Release/net10.0/FirstPaint.dll "http://127.0.0.1:$port" wall HallOps-demo-2026 "$start"
# dotnet run leaves its child running when killed: stop the app itself.
pkill -f "HallOps.Web/bin/.*/HallOps.Web" 2>/dev/null || true
