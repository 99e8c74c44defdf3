#!/usr/bin/env bash
# README command (a): install what is needed, build, and run the main job — a county server on its
# embedded SQLite store holding the demo county, and the school client enrolled against it on one
# demo school with its pupils and staff, then the school program open on it.
# Idempotent: a second run reuses the county, the server and the enrolled school.
#   EMIS_DEMO_DIR  where the county and the school live (default: ~/countyemis-demo)
#   EMIS_DEMO_PORT the server's loopback port (default: 7443)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-deps.sh
build="$root/build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"

demo=${EMIS_DEMO_DIR:-$HOME/countyemis-demo}
port=${EMIS_DEMO_PORT:-7443}
server="$demo/server"
school="$demo/school"
emisctl="$build/server/emisctl"
emis_server="$build/server/emis-server"
emis_cli="$build/client/cli/emis-cli"
emis_school="$build/client/school/emis-school"
emis_bureau="$build/client/bureau/emis-bureau"
# The demo bureau officer (管理员) for emis-bureau; a demo password, printed below.
bureau_user=demo
bureau_password=demo-bureau-2024
mkdir -p "$demo"

if [ ! -f "$server/emis.conf" ]; then
  echo "== Making the demo county in $server"
  "$emisctl" init --dir "$server" --listen "127.0.0.1:$port"
  "$emisctl" demo --dir "$server"
fi

if ! "$emisctl" user list --dir "$server" --json | grep -q "\"$bureau_user\""; then
  echo "== Adding the demo bureau officer '$bureau_user'"
  printf '%s\n' "$bureau_password" | "$emisctl" user add --dir "$server" --name "$bureau_user" --role admin --display 演示科长
fi

running() { [ -f "$demo/server.pid" ] && kill -0 "$(cat "$demo/server.pid")" 2>/dev/null; }
if ! running; then
  echo "== Starting emis-server on 127.0.0.1:$port (log: $demo/server.log)"
  nohup "$emis_server" --dir "$server" >>"$demo/server.log" 2>&1 &
  echo $! >"$demo/server.pid"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.2
  done
  running || { echo "emis-server did not start; see $demo/server.log" >&2; exit 1; }
fi

# The demo school: the county's first school by 学校标识码 (a complete secondary school).
code=$(sed -n '2p' "$server/demo/schools.csv" | cut -d, -f1 | tr -d '\r\357\273\277')
if [ ! -f "$school/device.pem" ]; then
  echo "== Enrolling a device of school $code"
  enroll_code=$("$emisctl" enroll-code --dir "$server" --school "$code")
  "$emis_cli" --data-dir "$school" enroll --server "127.0.0.1:$port" --code "$enroll_code"
  echo "== Importing the school's rosters and syncing"
  "$emis_cli" --data-dir "$school" import students "$server/demo/rosters/${code}_students.csv" || true
  "$emis_cli" --data-dir "$school" import staff "$server/demo/rosters/${code}_staff.csv" || true
  # The county's 八年级 joint exam arrives with the first sync; then the teachers' score sheet.
  "$emis_cli" --data-dir "$school" sync || true
  exam=$("$emis_cli" --data-dir "$school" exams | head -n 1 | cut -f1)
  if [ -n "$exam" ] && [ -f "$server/demo/rosters/${code}_scores.csv" ]; then
    echo "== Importing the joint exam's score sheet"
    "$emis_cli" --data-dir "$school" import scores "$server/demo/rosters/${code}_scores.csv" --exam "$exam" | tail -n 1 || true
  fi
fi
"$emis_cli" --data-dir "$school" sync || echo "(sync will be retried by the program)"
"$emis_cli" --data-dir "$school" status

echo
echo "The county server is running (pid $(cat "$demo/server.pid")); stop it with: kill \$(cat $demo/server.pid)"
echo "County reports:  $emisctl report --dir $server enrolment -p by=township"
echo "The joint exam:  $emisctl exam list --dir $server; $emisctl report --dir $server exam_analysis -p exam=ID -p by=school"
echo
echo "The bureau's workstation (county figures, drill-down, exports, approvals):"
echo "  $emis_bureau --server 127.0.0.1:$port"
echo "  user: $bureau_user   password: $bureau_password"
echo "  county CA fingerprint (asked on the first login): $("$emisctl" ca --dir "$server" --json | sed 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/')"
echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "== Opening emis-school"
  exec "$emis_school" --data-dir "$school"
else
  echo "No display here. On this machine's desktop open the school program with:"
  echo "  $emis_school --data-dir $school"
  echo "or, without a desktop, under a virtual one: xvfb-run -a $emis_school --data-dir $school"
fi
