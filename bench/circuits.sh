#!/usr/bin/env bash
# Holds real Blazor Server circuits without a browser (bench/HallOps.Bench.Circuits) and prints one
# summary table: circuits live/failed, ramp time, hall event → every wall screen latency, interaction
# round trips, server CPU per core and per circuit per event, managed heap per circuit.
# Usage:
#   bench/circuits.sh                      standard scenario: 100 walls, 10 staff, 2 guards, 300 events
#   bench/circuits.sh --walls 500 --events 200 --think 500
#   bench/circuits.sh --ramp 5000          P1: add 500 walls per step while staff and guards interact,
#                                          until the interactions' p95 passes 200 ms or circuits fail
#   bench/circuits.sh --unpinned ...       do not pin the server and the client to separate cores
#   bench/circuits.sh --server-core=1 ...  the server on core 1 and the client on the next (core 0 of 2):
#                                          when the reference loop says core 0 runs slow
#   bench/circuits.sh --no-prime ...       measure the cold server (no throwaway run first)
#   bench/circuits.sh --history-days=30 ...
#                                          a hall that has run for 30 days: every staff member's
#                                          presence history of the days before today (8 changes a
#                                          person a day: on post, away, back, signed off, twice) is
#                                          written to the database before the circuits open
#   bench/circuits.sh --no-tiering ...     run the server with tiered compilation and ReadyToRun off:
#                                          every method is compiled once, optimised, so the figures are
#                                          the steady state at once (a fresh server otherwise spends
#                                          minutes of CPU re-compiling its hot methods: tier 0, profiled,
#                                          tier 1; with tiering off but ReadyToRun on, the framework's
#                                          precompiled code would stay for good)
#   bench/circuits.sh --perf=/tmp/p.data --perf-delay=30 --perf-seconds=30 ...
#                                          record the server's CPU samples with Linux perf (call
#                                          graphs, the JIT's symbols from /tmp/perf-PID.map) for 30 s,
#                                          30 s after the measured run starts (after the ramp and the
#                                          warm-up); read it with bench/perf-summary.py (see bench/README.md)
#   bench/circuits.sh --serve [--no-tiering] [--history-days=N]
#                                          a server for a load client on another machine: the app as
#                                          below, on all of this machine's cores and addresses, primed;
#                                          it prints the command to run there and serves until Ctrl-C
#   bench/circuits.sh --two-machines ...  (root) the client in a network namespace of its own, reaching the
#                                          server over a virtual Ethernet pair (MTU 1500) instead of
#                                          loopback, each side's received packets processed on its own
#                                          core (RPS): as two one-core machines on a network, where
#                                          loopback makes the sender's core run the receiver's TCP path
#                                          (each packet's hand-off between the cores costs a virtual
#                                          machine more than a network card's: see bench/README.md)
#   bench/circuits.sh --server=http://HOST:5098 --walls 500 ...
#                                          the load client alone, on all of this machine's cores,
#                                          against a server started with --serve elsewhere (so that the
#                                          server's core does not also run the client's sockets)
# Every other option goes to the client (see ScenarioOptions.Usage: --staff, --guards, --step,
# --step-seconds, --seconds, --parallel, --markdown FILE). The app (Release build, demo hall with one
# account per window's A holder, fresh database, open all day, today a working day) runs on core 0 (--server-core), the client on the next core.
# Set PORT to use another port than 5098.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5098}
url="http://127.0.0.1:$port"
source bench/hall-app.sh

pinned=true
prime=true
server_core=0
perf_file=
perf_delay=30
perf_seconds=30
history_days=0
serve=false
two_machines=false
remote=
client_args=()
for arg in "$@"; do
  case "$arg" in
    --unpinned) pinned=false ;;
    --no-prime) prime=false ;;
    --server-core=*) server_core=${arg#--server-core=} ;;
    --perf=*) perf_file=${arg#--perf=} ;;
    --perf-delay=*) perf_delay=${arg#--perf-delay=} ;;
    --perf-seconds=*) perf_seconds=${arg#--perf-seconds=} ;;
    --history-days=*) history_days=${arg#--history-days=} ;;
    --serve) serve=true; pinned=false ;;
    --two-machines) two_machines=true ;;
    --server=*) remote=${arg#--server=}; pinned=false ;;
    --no-tiering) export DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0 ;;
    *) client_args+=("$arg") ;;
  esac
done
client_core=$(( (server_core + 1) % $(nproc) ))
if $pinned && [ "$(nproc)" -ge 2 ]; then server_cpu=(taskset -c "$server_core"); client_cpu=(taskset -c "$client_core"); else server_cpu=(); client_cpu=(); fi
if $two_machines; then
  { $pinned && [ "$(nproc)" -ge 2 ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null; } \
    || { echo "--two-machines needs root, ip (iproute2), two cores and pinning" >&2; exit 1; }
fi
# Thousands of circuits are thousands of sockets on each side.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [ -n "$remote" ]; then
  # The client alone: the server (started with --serve) is primed, timed and stopped on its machine.
  build bench/HallOps.Bench.Circuits
  echo "server: $remote (another machine); client on all of this machine's cores" >&2
  exec dotnet bench/HallOps.Bench.Circuits/bin/Release/net10.0/HallOps.Bench.Circuits.dll "${remote%/}" "${client_args[@]}"
fi

build HallOps.Web
build bench/HallOps.Bench.Circuits

client_url=$url
client_net=()
if $two_machines; then
  # The server keeps the root namespace and its core; the client gets namespace $netns and its own.
  # Without RPS a virtual pair, like loopback, runs the receiver's side on the sender's core.
  netns=hallops-bench-$port
  server_address=10.209.$(( port % 256 )).1
  ip netns del "$netns" 2>/dev/null || true
  trap 'stop_app; rm -rf "$data"; ip netns del "$netns" 2>/dev/null || true' EXIT
  ip netns add "$netns"
  ip link add "hb-s$port" type veth peer name "hb-c$port" netns "$netns"
  ip addr add "$server_address/30" dev "hb-s$port"
  ip link set "hb-s$port" up
  ip netns exec "$netns" ip addr add "${server_address%.1}.2/30" dev "hb-c$port"
  ip netns exec "$netns" ip link set "hb-c$port" up
  ip netns exec "$netns" ip link set lo up
  printf '%x' $(( 1 << server_core )) >"/sys/class/net/hb-s$port/queues/rx-0/rps_cpus"
  ip netns exec "$netns" sh -c "printf '%x' $(( 1 << client_core )) >/sys/class/net/hb-c$port/queues/rx-0/rps_cpus"
  listen_url="$url;http://$server_address:$port"
  client_url="http://$server_address:$port"
  client_net=(ip netns exec "$netns")
fi

# The machine's own speed varies: on the 2-core VM of bench/README.md a fixed loop on one idle core
# took anywhere from 0.80 to 1.38 s within one minute, and P5 runs of one build landed near 170 or
# near 100 events/s with it. The same loop is timed on the server's core just before and just after
# the measured run, so every figure can be read against the speed it was measured at.
reference_loop() {
  command -v python3 >/dev/null || { echo "–"; return; }
  "${server_cpu[@]}" python3 -c 'import time
start = time.perf_counter()
x = 0
for i in range(3000000): x += i * i
print(round((time.perf_counter() - start) * 1000))'
}

app_env=()
if [ -n "$perf_file" ]; then
  command -v perf >/dev/null || { echo "--perf needs Linux perf (Debian: apt-get install linux-perf)" >&2; exit 1; }
  # The JIT writes its methods' names to /tmp/perf-PID.map; with W^X on, JIT code lives in a
  # double-mapped file perf cannot resolve.
  app_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
fi
app_env+=(Hall__DemoSeedStaffAccounts=true Logging__LogLevel__Default=Warning)
# --serve: reachable from other machines; everything on this machine still goes to 127.0.0.1.
if $serve; then listen_url="http://0.0.0.0:$port"; fi
start_app "${app_env[@]}"
open_the_hall_today "${app_env[@]}"

for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$url/account/login" && break
  kill -0 "$app" 2>/dev/null || { tail -n 40 "$data/app.log" >&2; exit 1; }
  sleep 0.5
done

if [ "$history_days" -gt 0 ]; then
  command -v sqlite3 >/dev/null || { echo "--history-days needs the sqlite3 shell (Debian: apt-get install sqlite3)" >&2; exit 1; }
  # Hall time is Beijing time (UTC+8); At is stored as UTC ticks. Days oldest first, so that each
  # person's last change before today has the highest id of theirs, as the app writes them.
  sqlite3 "$data/hallops.db" <<SQL
.timeout 30000
WITH RECURSIVE day(n) AS (SELECT $history_days UNION ALL SELECT n - 1 FROM day WHERE n > 1),
slot(at, state, position) AS (VALUES ('08:30', 1, 1), ('10:00', 2, 2), ('10:15', 1, 3), ('12:00', 0, 4),
                                      ('13:30', 1, 5), ('15:00', 2, 6), ('15:20', 1, 7), ('17:30', 0, 8))
INSERT INTO PresenceEvents (StaffMemberId, State, At, RecordedBy)
SELECT m.Id, slot.state,
       621355968000000000 + (CAST(strftime('%s', date('now', '+8 hours', '-' || day.n || ' days') || ' ' || slot.at) AS INTEGER) - 8 * 3600) * 10000000,
       'bench'
FROM day, slot, StaffMembers m
ORDER BY day.n DESC, slot.position, m.Id;
SQL
  echo "history: $(sqlite3 "$data/hallops.db" "SELECT COUNT(*) FROM PresenceEvents WHERE RecordedBy = 'bench'") presence changes over the $history_days days before today" >&2
fi

echo "server: $( $pinned && [ ${#server_cpu[@]} -gt 0 ] && echo "core $server_core, client core $client_core" || echo "unpinned" )$( $two_machines && echo ", client in network namespace $netns at $client_url" )" >&2
client=("${client_net[@]}" dotnet bench/HallOps.Bench.Circuits/bin/Release/net10.0/HallOps.Bench.Circuits.dll "$client_url" --server-pid "$app")
if $prime; then
  # A fresh server runs its code at tier 0 and spends most of its CPU in the JIT for minutes
  # (tier-up, then the profiled tier): a throwaway run of every page's hot path first, so the
  # measured run sees the steady state a hall's server runs in all day.
  echo "priming the server (300 hall events on 10 walls, 4 staff, 1 guard; --no-prime to skip)" >&2
  "${client_cpu[@]}" "${client[@]}" --walls 10 --staff 4 --guards 1 --events 300 --warm-up 0 --think 0 --seconds 90 >"$data/prime.log" 2>&1 \
    || { echo "priming failed:" >&2; tail -n 20 "$data/prime.log" >&2; exit 1; }
  sleep 5
fi
if $serve; then
  echo "serving the bench hall on port $port (this machine: $(hostname -I 2>/dev/null || hostname)); on the client machine run" >&2
  echo "  bench/circuits.sh --server=http://ADDRESS:$port --walls 500 --staff 4 --guards 0 --events 60 --warm-up 10 --think 4000" >&2
  echo "Ctrl-C stops the server and removes its database" >&2
  wait "$app" || true
  exit 0
fi
rc=0
speed_before=$(reference_loop)
recorder=
if [ -n "$perf_file" ]; then
  ( sleep "$perf_delay"; exec "${client_cpu[@]}" perf record -e cpu-clock -F 999 -g -p "$app" -o "$perf_file" -- sleep "$perf_seconds" ) >"$data/perf.log" 2>&1 &
  recorder=$!
fi
"${client_cpu[@]}" "${client[@]}" "${client_args[@]}" || rc=$?
echo "reference loop on the server's core (3 million multiply-adds in Python; lower is faster): before ${speed_before} ms, after $(reference_loop) ms" >&2
if [ -n "$recorder" ]; then
  wait "$recorder" || true
  echo "perf samples: $perf_file (bench/perf-summary.py $perf_file)" >&2
fi
if grep -qE "fail:|crit:" "$data/app.log"; then
  echo "server log errors:" >&2
  grep -E -A3 "fail:|crit:" "$data/app.log" | head -n 40 >&2
fi
exit "$rc"
