#!/usr/bin/env bash
# Programmes benchmark (issue 4): a bulk match of a generated programme from "run" to proposals
# shown and to published, then p50/p95/p99 of the mentee's dashboard and of the manager's
# programme page with 50 concurrent signed-in users, on H2 and on PostgreSQL.
# Builds the jar; ProgrammesBench starts the application itself (java -Xmx2g -jar, demo seeding
# with the sizes below), prints a table and writes bench/programmes/results/latest.json.
# Not part of ./mvnw verify.
#
#   bench/programmes/run.sh                                              # full size, both databases
#   PEOPLE=4000 MENTEES=1000 MENTORS=200 WARMUP=5 DURATION=15 bench/programmes/run.sh   # quick
#
# PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database guildhall_prog_bench is
# dropped and created afresh by the bench.
set -euo pipefail
cd "$(dirname "$0")/../.."

DBS=${DBS:-h2,postgres}
PEOPLE=${PEOPLE:-36000}          # 36,000 people yield about 10,300 mentee and 10,000 mentor volunteers
MENTEES=${MENTEES:-10000}
MENTORS=${MENTORS:-2000}
SEED=${SEED:-42}
USERS=${USERS:-50}               # concurrent signed-in users per page
WARMUP=${WARMUP:-30}             # seconds per page, not measured
DURATION=${DURATION:-60}         # seconds per page, measured
XMX=${XMX:-2g}
MENTEE_PATH=${MENTEE_PATH:-/}    # the mentee's dashboard; /mentorships once that module exists
MANAGER_PATH=${MANAGER_PATH:-/programmes/{id}}
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-60}   # seconds; a slower answer counts as an error
OUT=${OUT:-bench/programmes/results/latest.json}
LOAD_TOOL=${LOAD_TOOL:-}          # wrk (default when on PATH: apt-get install wrk) or java (built-in closed-loop client)
JAR=${JAR:-target/guildhall.jar}  # another copy lets a concurrent ./mvnw rebuild target/ meanwhile

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building target/guildhall.jar"
  ./mvnw -q -DskipTests package
fi

exec java -Xmx1g bench/programmes/src/ProgrammesBench.java \
  --jar "$JAR" --out "$OUT" --dbs "$DBS" --people "$PEOPLE" --mentees "$MENTEES" --mentors "$MENTORS" \
  --seed "$SEED" --users "$USERS" --warmup "$WARMUP" --duration "$DURATION" --xmx "$XMX" \
  --mentee-path "$MENTEE_PATH" --manager-path "$MANAGER_PATH" --request-timeout "$REQUEST_TIMEOUT" \
  ${LOAD_TOOL:+--load-tool "$LOAD_TOOL"}
