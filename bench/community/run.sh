#!/usr/bin/env bash
# Community search benchmark (issue 5): expert finder and full-text search p95 latency (1 and 8
# clients) over 100,000 people and 200,000 posts, and the index rebuild time, on PostgreSQL.
# Two runs by default:
#   keyword  — full size, semantic search off (guildhall.community.semantic.enabled=false)
#   semantic — a smaller community (SEMANTIC_PEOPLE, SEMANTIC_POSTS) with semantic search on,
#              timed until every document has its vector (embedding ~250-500 texts/s on 2 cores)
# Prints a table, writes bench/community/results/latest.json and latest.txt. Not part of verify.
#
#   bench/community/run.sh                                   # everything (~30+ min)
#   PEOPLE=20000 POSTS=40000 SEMANTIC_POSTS=0 bench/community/run.sh   # quick keyword-only run
#   ONLY=semantic REUSE=1 bench/community/run.sh   # time the queries again on the last run's database
#                                                  # (people, posts and cached vectors kept)
# Before the queries, each run waits (up to SETTLE_SECONDS, default 600) for the 1-minute load to
# fall to SETTLE_LOAD (default 1.0), so that index merges after a rebuild are not timed.
#
# PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database guildhall_community_bench is
# dropped and created afresh by each run.
set -euo pipefail
cd "$(dirname "$0")/../.."

PEOPLE=${PEOPLE:-100000}
POSTS=${POSTS:-200000}
SEMANTIC_PEOPLE=${SEMANTIC_PEOPLE:-10000}
SEMANTIC_POSTS=${SEMANTIC_POSTS:-20000}
SEED=${SEED:-42}
QUERIES=${QUERIES:-300}
CLIENTS=${CLIENTS:-8}
PORT=${PORT:-18190}   # the first port tried for the application (the next free one is taken)
OUT=${OUT:-bench/community/results/latest.json}
WORK=${WORK:-${TMPDIR:-/tmp}/guildhall-community-bench}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building target/guildhall.jar"
  ./mvnw -q -o -DskipTests package
fi
mkdir -p "$WORK"
csv() {
  local file="$WORK/people-$1-seed$SEED.csv"
  if [ ! -s "$file" ]; then
    echo "== generating $file" >&2
    java -jar target/guildhall.jar generate --people "$1" --seed "$SEED" --out "$file" >&2
  fi
  echo "$file"
}
RUNS=""
if [ "${ONLY:-}" != "semantic" ]; then
  RUNS="keyword:$(csv "$PEOPLE"):$POSTS"
fi
if [ "$SEMANTIC_POSTS" != "0" ] && [ "${ONLY:-}" != "keyword" ]; then
  RUNS="${RUNS:+$RUNS,}semantic:$(csv "$SEMANTIC_PEOPLE"):$SEMANTIC_POSTS"
fi
echo "== load: $(uptime)"
exec java -Xmx1g bench/community/src/CommunityBench.java --jar target/guildhall.jar --runs "$RUNS" \
  --queries "$QUERIES" --clients "$CLIENTS" --seed "$SEED" --port "$PORT" --out "$OUT" \
  --reuse-database "$([ "${REUSE:-}" = "1" ] && echo true || echo false)" \
  --settle-load "${SETTLE_LOAD:-1.0}" --settle-seconds "${SETTLE_SECONDS:-600}"
