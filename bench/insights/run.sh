#!/usr/bin/env bash
# Insights benchmark: every insights page and API at 10 concurrent users (target p95 < 100 ms), a
# full rebuild of the read model until the background figures are served again (target < 60 s,
# heap < 2 GiB) and how soon an event shows in the figures (target < 5 s), on H2 and PostgreSQL,
# over 100,000 people, 20,000 mentorships, 200,000 posts and 1,000,000 learning links.
# People go through the HR import API; the rest is written into the owning modules' tables with
# JDBC (src/InsightsBench.java, JDK only plus the application's own JDBC drivers), then the
# application is started again on it (java -Xmx2g -jar target/guildhall.jar) and measured.
# Prints a table, writes bench/insights/results/latest.json and latest.txt. Not part of verify.
#
#   bench/insights/run.sh                                      # full size, H2 then PostgreSQL (~40-60 min)
#   PEOPLE=10000 WARMUP=3 DURATION=8 bench/insights/run.sh     # quick: everything scaled to 10,000 people
#   DBS=postgres SKIP_BUILD=1 bench/insights/run.sh            # one database, the jar as it is
#   URLS="admin:/insights,token:/api/v1/insights/dashboard" bench/insights/run.sh   # some URLs only
#   REUSE=1 SKIP_BUILD=1 bench/insights/run.sh                 # again on the last run's data (after a fix)
#
# PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database guildhall_insights_bench is
# dropped and created afresh by each run. H2: a file database in a new temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

DBS=${DBS:-h2,postgres}
PEOPLE=${PEOPLE:-100000}
# SCALE sizes everything but the people; by default it follows PEOPLE (10,000 people: 0.1)
SCALE=${SCALE:-$(awk -v p="$PEOPLE" 'BEGIN { print p / 100000 }')}
MENTORSHIPS=${MENTORSHIPS:-$(awk -v s="$SCALE" 'BEGIN { printf "%d", 20000 * s + 0.5 }')}
POSTS=${POSTS:-$(awk -v s="$SCALE" 'BEGIN { printf "%d", 200000 * s + 0.5 }')}
LINKS=${LINKS:-$(awk -v s="$SCALE" 'BEGIN { printf "%d", 1000000 * s + 0.5 }')}
SEED=${SEED:-42}
USERS=${USERS:-10}             # concurrent users per URL
WARMUP=${WARMUP:-10}           # seconds per URL, not measured
DURATION=${DURATION:-20}       # seconds per URL, measured
PROFILE_PAGES=${PROFILE_PAGES:-0}  # 1: sample the app's threads (jcmd every second) while pages are measured; it costs CPU and latency
XMX=${XMX:-2g}                 # the application's heap
EMPLOYEES=${EMPLOYEES:-3}      # employee accounts; each makes one enrolment, one early end and one kudos
HISTORY=${HISTORY:-auto}       # import the people twice (a year ago, today) when the import API takes effectiveOn
PORT=${PORT:-18290}            # the first port tried for the application
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-30}   # seconds; a slower answer under load counts as an error
REUSE=${REUSE:-0}              # 1: measure again on the last run's databases (same PEOPLE), without importing and writing
PG_DATABASE=${PG_DATABASE:-guildhall_insights_bench}   # dropped and created afresh unless REUSE=1
OUT=${OUT:-bench/insights/results/latest.json}
JAR=${JAR:-target/guildhall.jar}
WORK=${WORK:-${TMPDIR:-/tmp}/guildhall-insights-bench}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building $JAR"
  ./mvnw -q -o -DskipTests package
fi
mkdir -p "$WORK/lib"
CSV="$WORK/people-$PEOPLE-seed$SEED.csv"
if [ ! -s "$CSV" ]; then
  echo "== generating $CSV"
  java -jar "$JAR" generate --people "$PEOPLE" --seed "$SEED" --out "$CSV"
fi
# the application's own JDBC drivers, so that the bench writes files H2 of the same version reads
rm -f "$WORK"/lib/*.jar
unzip -j -o -q "$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"
echo "== load: $(uptime)"
exec java -Xmx1500m -cp "$WORK/lib/*" bench/insights/src/InsightsBench.java --jar "$JAR" --csv "$CSV" --out "$OUT" \
  --dbs "$DBS" --mentorships "$MENTORSHIPS" --posts "$POSTS" --links "$LINKS" --seed "$SEED" --users "$USERS" \
  --warmup "$WARMUP" --duration "$DURATION" --xmx "$XMX" --employees "$EMPLOYEES" --history "$HISTORY" --port "$PORT" \
  --request-timeout "$REQUEST_TIMEOUT" --work "$WORK/run-$PEOPLE" --reuse "$([ "$REUSE" = 1 ] && echo true || echo false)" \
  --pg-database "$PG_DATABASE" --profile-pages "$([ "$PROFILE_PAGES" = 1 ] && echo true || echo false)" \
  ${URLS:+--urls "$URLS"}
