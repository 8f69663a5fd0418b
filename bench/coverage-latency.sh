#!/usr/bin/env bash
# Measures how fast a presence change reaches the wall screens: N headless wall screens, M presence
# changes made on the staff page, time from the change to card 1's new state in every screen's DOM,
# with the server's CPU time and memory. Target: p99 ≤ 250 ms.
# Usage: bench/coverage-latency.sh [walls=20] [changes=200] [warm-up=30] [pause-ms=0] [--animations] [--clock]
#          [--staff-browser] [--mutations] [--trace=<file>] [--no-tiering]
# (the arguments go to bench/CoverageLatency: see the top of its Program.cs; --no-tiering runs the
# server with tiered compilation off, so it is in its steady state at once instead of re-compiling
# its hot methods in the background for minutes after the warm-up)
# The app (Release build, demo hall, fresh database, open all day) runs on core 0, the browser on
# core 1. Set PORT to use another port than 5097.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5097}
url="http://127.0.0.1:$port"
source bench/hall-app.sh

if [ "$(nproc)" -ge 2 ]; then server_cpu=(taskset -c 0); client_cpu=(taskset -c 1); else server_cpu=(); client_cpu=(); fi

app_env=()
args=()
for arg in "$@"; do
  case "$arg" in
    --no-tiering) app_env+=(DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0) ;;
    *) args+=("$arg") ;;
  esac
done

build HallOps.Web
bench=(dotnet bench/CoverageLatency/bin/Release/net10.0/CoverageLatency.dll)

start_app "${app_env[@]}"
open_the_hall_today "${app_env[@]}"

rc=0
"${client_cpu[@]}" "${bench[@]}" run "$url" "$data/hallops.db" "$app" "${args[@]}" || rc=$?
if grep -qE "fail:|crit:" "$data/app.log"; then
  echo "server log errors:" >&2
  grep -E -A3 "fail:|crit:" "$data/app.log" | head -n 40 >&2
fi
exit "$rc"
