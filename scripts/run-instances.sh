#!/usr/bin/env bash
# Starts N Parallax instances on one PostgreSQL database, sharing the work, for people without Docker.
#
#   scripts/run-instances.sh 3
#
# The database: PARALLAX_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/parallax?user=parallax),
# its password, if it needs one, in PARALLAX_DB_PASSWORD. The configuration: PARALLAX_CONFIG (default
# config/parallax.toml); each instance gets a copy with [ops] port = 0, so that their health endpoints do
# not collide (each log says its port). Logs go to run/instance-N.log. Ctrl-C or SIGTERM stops them all
# gracefully (each finishes the message in hand and hands the rest back to the others).
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-}
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/run-instances.sh N   (N instances, at least 1)" >&2
    exit 2
fi
url=${PARALLAX_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/parallax?user=parallax}
config=${PARALLAX_CONFIG:-config/parallax.toml}
if [[ "$url" != jdbc:postgresql:* ]]; then
    echo "run-instances: PARALLAX_DATABASE_URL must be a jdbc:postgresql: URL (SQLite serves one process)" >&2
    exit 2
fi
[[ -f target/parallax.jar ]] || mvn -B -q -DskipTests package
mkdir -p run

pids=()
stop() {
    trap - INT TERM
    echo "run-instances: stopping ${#pids[@]} instances"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait
}
trap stop INT TERM

for i in $(seq 1 "$count"); do
    sed -E '/^\[ops\]/,/^\[/ s/^port = .*/port = 0/' "$config" > "run/instance-$i.toml"
    java -jar target/parallax.jar --config "run/instance-$i.toml" --db "$url" run > "run/instance-$i.log" 2>&1 &
    pids+=("$!")
    echo "run-instances: instance $i is pid $!, log run/instance-$i.log"
    # The first one migrates an empty database; the others may start together (Flyway takes a lock).
    [[ $i -eq 1 ]] && sleep 2
done
wait
