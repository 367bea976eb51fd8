#!/usr/bin/env bash
# Hardening benchmark (issue 13, "Figures to report"), on PostgreSQL:
#   - USERS (200) demo accounts signed in through the form, each looping over the main pages a person
#     uses with 1-3 s of think time for DURATION (300) seconds: per page requests, p50/p95/p99/max,
#     errors (target 0), load average, the application's ERROR log lines;
#   - database outages of OUTAGES (15,60) seconds under write load: WRITERS (10) API clients keep
#     answering other people's questions; afterwards acknowledged answers lost (target 0), answers
#     whose author notification is missing or doubled (target 0), the slowest request during the
#     outage, the share answered 503 + Retry-After within 3 s, readiness DOWN, time to recover.
# Prints a table, writes bench/hardening/results/latest.json and latest.txt. Not part of verify.
#
#   bench/hardening/run.sh                                  # full: 200 users x 5 min, outages 15 s and 60 s (~25 min)
#   USERS=20 DURATION=30 OUTAGES=15 bench/hardening/run.sh   # quick check (~10 min: start-up, then up to 3 min for the event retry)
#   USERS=0 SKIP_BUILD=1 bench/hardening/run.sh             # outages only, the jar as it is
#   OUTAGES= bench/hardening/run.sh                         # users only
#
# Its own PostgreSQL cluster, so that stopping the database disturbs nobody else on the machine (the
# main cluster on 5432 is never stopped, restarted or written to): a Debian cluster PG_CLUSTER
# (hbench) of the installed major version on PG_PORT (5433), created if missing with
# `pg_createcluster <version> hbench --port 5433` (initdb runs as the postgres user), with `trust`
# for 127.0.0.1 put first in its pg_hba.conf, started if down. The database guildhall_hardening is
# dropped and created afresh by each run (the application seeds its demo organisation on first
# start). The bench stops and starts only that cluster: `pg_ctlcluster <version> hbench stop -m fast`
# and `start`. Needs root or the postgres user (pg_ctlcluster). Remove it with
# `pg_dropcluster --stop <version> hbench`.
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_VERSION=${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -1)}
PG_CLUSTER=${PG_CLUSTER:-hbench}
PG_PORT=${PG_PORT:-5433}
PG_DATABASE=${PG_DATABASE:-guildhall_hardening}
USERS=${USERS:-200}
DURATION=${DURATION:-300}     # seconds of page load
WRITERS=${WRITERS:-10}
OUTAGES=${OUTAGES-15,60}      # seconds the database is away, one run each; empty: none
WARMUP=${WARMUP:-10}          # seconds of writing before the database stops
AFTER=${AFTER:-30}            # seconds of writing after it is back
SETTLE_MAX=${SETTLE_MAX:-300} # seconds to wait for side effects (event retry: publications older than 2 min, every minute)
SEED=${SEED:-42}
XMX=${XMX:-1g}
PORT=${PORT:-18390}
OUT=${OUT:-bench/hardening/results/latest.json}
JAR=${JAR:-target/guildhall.jar}
WORK=${WORK:-${TMPDIR:-/tmp}/guildhall-hardening-bench}

if [ "$PG_CLUSTER" = main ] || [ "$PG_PORT" = 5432 ]; then
  echo "refusing: the bench stops its database; use a cluster of its own, not main on 5432" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building $JAR"
  ./mvnw -B -q -o -DskipTests package
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  echo "== creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT"
fi
HBA=/etc/postgresql/$PG_VERSION/$PG_CLUSTER/pg_hba.conf
if ! grep -q '^host all all 127.0.0.1/32 trust' "$HBA"; then
  sed -i '1i host all all 127.0.0.1/32 trust' "$HBA"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload 2>/dev/null || true
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" -c "CREATE DATABASE $PG_DATABASE"

mkdir -p "$WORK/lib"
rm -f "$WORK"/lib/*.jar
unzip -j -o -q "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"
echo "== load: $(uptime)"
exec java -Xmx512m -cp "$WORK/lib/*" bench/hardening/src/HardeningBench.java --jar "$JAR" --out "$OUT" --work "$WORK" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE" --cluster "$PG_VERSION/$PG_CLUSTER" \
  --users "$USERS" --duration "$DURATION" --writers "$WRITERS" --outages "${OUTAGES:-,}" --warmup "$WARMUP" --after "$AFTER" \
  --settle-max "$SETTLE_MAX" --seed "$SEED" --xmx "$XMX" --port "$PORT"
