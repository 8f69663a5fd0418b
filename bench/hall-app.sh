# Shared by the benchmark scripts (source it from the repository root): a fresh database folder
# ($data, removed on exit), Release builds, and the app started and stopped by its own PID ($app)
# with the Development demo hall open all day, and the gen0 budget and buffer pool the Dockerfile sets
# (DOTNET_GCgen0size, DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION; export
# DOTNET_GCgen0size=0 or the pool's variable =32 to measure the runtime's own choice). Set $url first, and server_cpu=(taskset -c 0) to pin;
# listen_url, when set, is what the app listens on instead of $url (e.g. http://0.0.0.0:PORT for other machines).
data=$(mktemp -d)
app=
stop_app() {
  # The app itself, by its pid: nothing else is stopped.
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=
  fi
}
trap 'stop_app; rm -rf "$data"' EXIT

build() { dotnet build "$1" -c Release -v quiet -nologo >"$data/build.log" 2>&1 || { cat "$data/build.log"; exit 1; }; }

# start_app [NAME=VALUE ...]: further settings as environment assignments. exec all the way down,
# so that $app is the HallOps.Web process itself.
start_app() {
  (cd HallOps.Web && exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Hall="Data Source=$data/hallops.db" \
    DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x1000000}" \
    DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION="${DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION:-1024}" \
    Hall__OpeningHours__Seasons__0__Name=全天 \
    Hall__OpeningHours__Seasons__0__Starts=01-01 \
    Hall__OpeningHours__Seasons__0__MorningStart=00:00 \
    Hall__OpeningHours__Seasons__0__MorningEnd=12:00 \
    Hall__OpeningHours__Seasons__0__AfternoonStart=12:00 \
    Hall__OpeningHours__Seasons__0__AfternoonEnd=23:59 \
    "$@" "${server_cpu[@]}" bin/Release/net10.0/HallOps.Web --urls "${listen_url:-$url}") >>"$data/app.log" 2>&1 &
  app=$!
}

# open_the_hall_today [NAME=VALUE ...]: after start_app with the same settings. Coverage, alerts and
# the wall's day board need a working day: on a weekend or holiday (the hall's calendar) today is made
# an adjusted working day in the database and the app restarted so that it reads it.
open_the_hall_today() {
  build bench/CoverageLatency
  local rc=0
  dotnet bench/CoverageLatency/bin/Release/net10.0/CoverageLatency.dll prepare "$url" "$data/hallops.db" || rc=$?
  if [ "$rc" = 3 ]; then
    stop_app
    start_app "$@"
  elif [ "$rc" != 0 ]; then
    tail -n 40 "$data/app.log" >&2
    exit "$rc"
  fi
}
