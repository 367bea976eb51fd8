#!/usr/bin/env bash
# API fuzzer, long run (issue 13): the same fuzzer as the build's ApiFuzzTest (every operation in
# /v3/api-docs, seeded valid and broken requests as administrator, programme manager, employees and
# nobody), with many more cases and a time budget. Prints a table (operations x cases, statuses,
# 5xx answers, spec mismatches, ERROR log lines, then each finding once per operation) and writes
# bench/fuzz/results/latest.json. Not part of verify.
#
#   bench/fuzz/run.sh                          # 10 minutes on H2, seed 1
#   SECONDS_BUDGET=120 SEED=7 bench/fuzz/run.sh
#   DATABASE=postgres bench/fuzz/run.sh        # on PostgreSQL (GUILDHALL_TEST_POSTGRES_URL or 127.0.0.1:5432/test)
#
# Exit code: 0 when nothing was found, else 1 (the table says what).
set -uo pipefail
cd "$(dirname "$0")/../.."

SEED=${SEED:-1}
SECONDS_BUDGET=${SECONDS_BUDGET:-600}
CASES=${CASES:-1000000}
DATABASE=${DATABASE:-h2}
OUT=${OUT:-bench/fuzz/results/latest.json}
LOG=${LOG:-bench/fuzz/results/latest.log}

case "$DATABASE" in
  h2) EXECUTION=default-test ;;
  postgres) EXECUTION=postgres ;;
  *) echo "DATABASE must be h2 or postgres" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$OUT")"
echo "== API fuzz on $DATABASE: seed $SEED, at most $SECONDS_BUDGET s; load: $(uptime)"
./mvnw -B test-compile "surefire:test@$EXECUTION" -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dguildhall.fuzz.seed="$SEED" -Dguildhall.fuzz.cases="$CASES" -Dguildhall.fuzz.seconds="$SECONDS_BUDGET" \
  -Dguildhall.fuzz.results="$PWD/$OUT" > "$LOG" 2>&1
status=$?
# the table the test printed (also in the surefire report)
sed -n '/^| API fuzz/,/^\[/p' "$LOG" | grep -a -v '^\[' || true
if [ -s "$OUT" ]; then
  echo "== results: $OUT (full log: $LOG)"
else
  echo "== no results written; see $LOG" >&2
fi
exit $status
