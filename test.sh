#!/usr/bin/env bash
# Runs the whole HallOps test suite: unit, component, integration (real SQLite files, Redis)
# and browser tests (headless Debian Chromium). Installs what is missing first, starts a
# private Redis for the scale-out test, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*"; }

# 1. Browser, CJK fonts and Redis, from Debian's packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  if [ -z "$sudo_cmd" ] || command -v sudo >/dev/null 2>&1; then
    log "installing ${missing[*]}"
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || log "could not install ${missing[*]}: the tests that need them will be skipped (or fail, with HALLOPS_E2E=required)"
  else
    log "missing ${missing[*]} and no sudo: the tests that need them will be skipped (or fail, with HALLOPS_E2E=required)"
  fi
fi

# 2. A private Redis on a free port, stopped when the run ends.
redis_dir=""
cleanup() {
  if [ -n "$redis_dir" ] && [ -f "$redis_dir/redis.pid" ]; then
    kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  fi
  [ -n "$redis_dir" ] && rm -rf "$redis_dir"
}
trap cleanup EXIT
if [ -z "${HALLOPS_TEST_REDIS:-}" ] && command -v redis-server >/dev/null 2>&1; then
  redis_dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 6391)
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes \
    --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" --dir "$redis_dir" >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export HALLOPS_TEST_REDIS="127.0.0.1:$port"
  log "Redis on $HALLOPS_TEST_REDIS"
fi

# 3. The suite.
mkdir -p TestResults
dotnet tool restore >/dev/null
dotnet test HallOps.sln --results-directory TestResults "$@" 2>&1 | tee TestResults/test.log
status=${PIPESTATUS[0]}

# 4. One plain summary line, summed over every test assembly.
summary=$(grep -E '^(Passed|Failed)!' TestResults/test.log | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
if [ -z "$summary" ] || [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  summary="0 passed, 1 failed, 0 skipped"
  status=1
fi
echo "$summary"
exit "$status"
