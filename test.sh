#!/usr/bin/env bash
# Runs the whole HallOps test suite: unit, component, integration (real SQLite files, Redis)
# and browser tests (headless Debian Chromium), then the integration tests once more on a real
# PostgreSQL server. Installs what is missing first, starts a private Redis and a throwaway
# PostgreSQL (both stopped by PID at the end), and ends with one line summed over both legs:
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*"; }

# 1. Browser, CJK fonts, Redis, PostgreSQL and nginx, from Debian's packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo "$1"; }

# 2. A private Redis on a free port, stopped when the run ends.
redis_dir=""
pg_dir=""
cleanup() {
  if [ -n "$redis_dir" ] && [ -f "$redis_dir/redis.pid" ]; then
    kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  fi
  [ -n "$redis_dir" ] && rm -rf "$redis_dir"
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_pid=$(head -1 "$pg_dir/data/postmaster.pid")
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
}
trap cleanup EXIT
if [ -z "${HALLOPS_TEST_REDIS:-}" ] && command -v redis-server >/dev/null 2>&1; then
  redis_dir=$(mktemp -d)
  port=$(free_port 6391)
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes \
    --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" --dir "$redis_dir" >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export HALLOPS_TEST_REDIS="127.0.0.1:$port"
  log "Redis on $HALLOPS_TEST_REDIS"
fi

# 3. A throwaway PostgreSQL server (tests create and drop their own databases), stopped when
#    the run ends. initdb refuses root, so the server runs as the postgres user, in a folder it owns.
initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1 || true)
if [ -z "${HALLOPS_TEST_POSTGRES:-}" ] && [ -n "$initdb" ]; then
  pg_bin=$(dirname "$initdb")
  pg_dir=$(mktemp -d /tmp/hallops-pg-XXXXXX)
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  port=$(free_port 5439)
  if "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 &&
     "${as_pg[@]}" "$pg_bin/pg_ctl" -w -D "$pg_dir/data" -l "$pg_dir/server.log" \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
    export HALLOPS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
    log "PostgreSQL on 127.0.0.1:$port"
  else
    log "could not start PostgreSQL (see below): the PostgreSQL leg will fail"
    cat "$pg_dir"/*.log 2>/dev/null | tail -20
  fi
fi

# 4. The suite, then the integration tests again on PostgreSQL (HALLOPS_TEST_PROVIDER switches
#    the tests' databases; tests about the SQLite file itself carry the trait Database=SqliteOnly,
#    those about several instances on one shared database Database=PostgreSqlOnly).
mkdir -p TestResults
dotnet tool restore >/dev/null
dotnet test HallOps.sln --results-directory TestResults --filter "Database!=PostgreSqlOnly" "$@" 2>&1 | tee TestResults/test.log
status=${PIPESTATUS[0]}

log "PostgreSQL leg: the integration tests on PostgreSQL"
pg_started=$(date +%s)
if [ -n "${HALLOPS_TEST_POSTGRES:-}" ]; then
  HALLOPS_TEST_PROVIDER=PostgreSql dotnet test HallOps.Tests --no-build --results-directory TestResults \
    --filter "FullyQualifiedName~HallOps.Tests.Integration&Database!=SqliteOnly" "$@" 2>&1 | tee TestResults/test-postgres.log
  pg_status=${PIPESTATUS[0]}
else
  echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0 (no PostgreSQL server for the PostgreSQL leg)" | tee TestResults/test-postgres.log
  pg_status=1
fi
log "PostgreSQL leg took $(( $(date +%s) - pg_started )) s"
[ "$pg_status" = 0 ] || status=1

# 5. One plain summary line, summed over every test assembly and both legs.
summary=$(cat TestResults/test.log TestResults/test-postgres.log | grep -E '^(Passed|Failed)!' | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
if [ -z "$summary" ] || [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  summary="0 passed, 1 failed, 0 skipped"
  status=1
fi
echo "$summary"
exit "$status"
