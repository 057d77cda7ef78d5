#!/usr/bin/env bash
# Import speed on PostgreSQL, with the floor: a plain COPY of the same rows into an unindexed table.
#   bash packages/importer/bench/import-speed.sh 1000000 [server URL]     (build first: npm run build)
# Creates (and at the end drops) the database tradegraph_import_speed on the server; writes the CSV to $TMPDIR.
# Prints one line per step: wall time, rows/s, peak RSS of the Node process. docs/import.md has the results.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:?usage: import-speed.sh ROWS [SERVER_URL]}
server=${2:-postgresql://postgres@127.0.0.1:5432/postgres}
db=tradegraph_import_speed
url="${server%/*}/$db"
csv="${TMPDIR:-/tmp}/synthetic-$rows.csv"
bad="${TMPDIR:-/tmp}/synthetic-$rows-bad.csv"
source="tradegraph synthetic data, seed 42, $rows rows"
log="${TMPDIR:-/tmp}/import-speed-$rows.log"
: > "$log"

psql -q "$server" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
export DATABASE_URL=$url
node packages/db/dist/cli/main.js seed >/dev/null

# step NAME COMMAND…: runs the command under /usr/bin/time, prints wall time, rows/s and peak RSS.
step() {
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o /tmp/import-speed.rss "$@" >>"$log" 2>&1 || echo "  (exit $?)" >>"$log"
  end=$(date +%s.%N)
  awk -v n="$name" -v s="$start" -v e="$end" -v r="$rows" -v k="$(cat /tmp/import-speed.rss | tail -1)" \
    'BEGIN { t = e - s; printf "%-44s %8.1f s %10d rows/s %6d MB RSS\n", n, t, r / t, k / 1024 }'
}
floor=(psql -q "$url" -c "DROP TABLE IF EXISTS floor_copy"
  -c "CREATE TABLE floor_copy (exporter text, importer text, commodity text, period text, quantity_tonnes numeric, value_usd numeric, flags text, reported_rank integer)"
  -c "\\copy floor_copy FROM '$csv' WITH (FORMAT csv, HEADER true)" -c "DROP TABLE floor_copy")
# STEPS picks steps (default: all), e.g. STEPS="strict import" for a long run.
steps=" ${STEPS:-import reimport synthetic strict} "
has() { [[ "$steps" == *" $1 "* ]]; }

echo "$rows rows, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
[ -f "$csv" ] || node packages/importer/dist/cli/synthetic.js --rows "$rows" --seed 42 --out "$csv" >>"$log" 2>&1
step "floor: COPY into an unindexed table (psql)" "${floor[@]}"
has import && step "import the CSV into a new source" node packages/importer/dist/cli/import.js "$csv" --source "$source"
has reimport && step "import the same CSV again (all unchanged)" node packages/importer/dist/cli/import.js "$csv" --source "$source"
if has synthetic; then
  step "floor again" "${floor[@]}"
  has import && step "data:synthetic:remove" node packages/importer/dist/cli/synthetic.js --remove
  step "data:synthetic --load (new source)" node packages/importer/dist/cli/synthetic.js --rows "$rows" --seed 42 --load
fi
has strict || exit 0
# Line ROWS-1 (line 9,999,999 of a 10,000,000-row file) gets a bad commodity code: a strict import must write nothing and name that line.
awk -v n="$((rows - 1))" 'NR == n { sub(/^([^,]*,[^,]*),[^,]*/, "&X") } { print }' "$csv" >"$bad"
before=$(psql -tAq "$url" -c "SELECT count(*) FROM export_record")
step "strict import, line $((rows - 1)) bad (another source)" node packages/importer/dist/cli/import.js "$bad" --source "Bench, bad line" --json
after=$(psql -tAq "$url" -c "SELECT count(*) FROM export_record")
echo "strict import with line $((rows - 1)) bad: export_record rows before $before, after $after; reported:"
grep -A4 '"errors": \[' "$log" | tail -4
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; output in $log"
rm -f "$bad"
