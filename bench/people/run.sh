#!/usr/bin/env bash
# People benchmarks (issue 2): start-up time, 100,000-row HR import, directory search latency.
# Builds the jar, generates the seeded CSV, then PeopleBench starts the application itself
# (./mvnw spring-boot:run for start-up; java -Xmx1g -jar on H2 and on PostgreSQL for the rest),
# prints a table and writes bench/people/results/latest.json. Not part of ./mvnw verify.
#
#   bench/people/run.sh                        # everything
#   PEOPLE=20000 DBS=h2 STARTUP_RUNS=0 bench/people/run.sh   # a quick partial run
#
# PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database guildhall_bench is dropped
# and created afresh by the bench.
set -euo pipefail
cd "$(dirname "$0")/../.."

PEOPLE=${PEOPLE:-100000}
SEED=${SEED:-42}
DBS=${DBS:-h2,postgres}
STARTUP_RUNS=${STARTUP_RUNS:-3}
SEARCH_PER_KIND=${SEARCH_PER_KIND:-200}
CLIENTS=${CLIENTS:-8}
OUT=${OUT:-bench/people/results/latest.json}
WORK=${WORK:-${TMPDIR:-/tmp}/guildhall-people-bench}

echo "== building target/guildhall.jar"
./mvnw -q -DskipTests package
mkdir -p "$WORK"
CSV="$WORK/people-$PEOPLE-seed$SEED.csv"
if [ ! -s "$CSV" ]; then
  echo "== generating $CSV"
  java -jar target/guildhall.jar generate --people "$PEOPLE" --seed "$SEED" --out "$CSV"
fi

exec java -Xmx2g bench/people/src/PeopleBench.java \
  --jar target/guildhall.jar --csv "$CSV" --out "$OUT" --dbs "$DBS" --startup-runs "$STARTUP_RUNS" \
  --search-per-kind "$SEARCH_PER_KIND" --clients "$CLIENTS" --seed "$SEED"
