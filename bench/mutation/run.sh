#!/usr/bin/env bash
# Mutation testing (issue 13): runs pitest (profile "mutation") on the HR import reader and planner
# (org.guildhall.people.hrimport, without the database writer) and on the matching engine
# (org.guildhall.matching.engine), each with its own fast unit tests only, then prints a table and
# writes bench/mutation/results/latest.json. Not part of ./mvnw verify.
#
#   bench/mutation/run.sh                    # both groups
#   PIT_GROUPS=hrimport bench/mutation/run.sh    # one group
#   MATCHING_CLASSES='org.guildhall.matching.engine.*' bench/mutation/run.sh   # the whole engine package
#
# The matching group mutates MatchingEngine and Metrics (the run, its explanations and its figures)
# by default: the whole engine package (about 40 classes, solvers included) did not finish in 20
# minutes on a shared 2-core machine, as its property tests solve hundreds of instances per mutant.
#   REPORT_ONLY=1 bench/mutation/run.sh      # re-read the last reports without running pitest
#
# Score = killed / all mutants (survived and no-coverage mutants count against it; timed-out and
# memory-error mutants count as killed, as pitest does). Test strength = killed / covered mutants.
set -euo pipefail
cd "$(dirname "$0")/../.."

PIT_GROUPS=${PIT_GROUPS:-hrimport,matching}
MATCHING_CLASSES_SET=${MATCHING_CLASSES:+yes}
MATCHING_CLASSES=${MATCHING_CLASSES:-org.guildhall.matching.engine.MatchingEngine*,org.guildhall.matching.engine.Metrics*}
OUT=${OUT:-bench/mutation/results/latest.json}
WEAKEST=${WEAKEST:-6}

if [ -z "${REPORT_ONLY:-}" ]; then
  started=$(date +%s)
  ./mvnw -B -q -Pmutation test-compile
  for g in ${PIT_GROUPS//,/ }; do
    rm -rf "target/pit-reports/$g"
    if [ "$g" = matching ] && [ -n "${MATCHING_CLASSES_SET:-}" ]; then
      # another set of engine classes: the plugin's shared settings, with the classes given here
      ./mvnw -B -q -Pmutation org.pitest:pitest-maven:mutationCoverage "-DtargetClasses=$MATCHING_CLASSES" \
        -DtargetTests='org.guildhall.matching.engine.*' -DreportsDirectory=target/pit-reports/matching
    else
      ./mvnw -B -q -Pmutation "org.pitest:pitest-maven:mutationCoverage@$g"
    fi
  done
  echo "== pitest took $(( $(date +%s) - started )) s"
fi

PIT_GROUPS="$PIT_GROUPS" MATCHING_CLASSES="$MATCHING_CLASSES" OUT="$OUT" WEAKEST="$WEAKEST" python3 - <<'PY'
import json, os, sys, datetime, xml.etree.ElementTree as ET
groups = os.environ["PIT_GROUPS"].split(",")
killed_states = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}
result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
          "groups": {}}
failed = False
for g in groups:
    path = f"target/pit-reports/{g}/mutations.xml"
    if not os.path.exists(path):
        print(f"{g}: no report at {path}", file=sys.stderr)
        failed = True
        continue
    per_class = {}
    totals = {"mutants": 0, "killed": 0, "survived": 0, "noCoverage": 0, "timedOut": 0}
    for m in ET.parse(path).getroot().iter("mutation"):
        status = m.get("status")
        cls = m.findtext("mutatedClass").split("$")[0]
        c = per_class.setdefault(cls, {"mutants": 0, "killed": 0, "survived": 0, "noCoverage": 0, "timedOut": 0})
        for t in (totals, c):
            t["mutants"] += 1
            if status in killed_states:
                t["killed"] += 1
            if status == "TIMED_OUT":
                t["timedOut"] += 1
            if status == "SURVIVED":
                t["survived"] += 1
            if status == "NO_COVERAGE":
                t["noCoverage"] += 1
    def finish(t):
        covered = t["mutants"] - t["noCoverage"]
        t["score"] = round(100.0 * t["killed"] / t["mutants"], 1) if t["mutants"] else 0.0
        t["testStrength"] = round(100.0 * t["killed"] / covered, 1) if covered else 0.0
        t["mutationCoverage"] = round(100.0 * covered / t["mutants"], 1) if t["mutants"] else 0.0
        return t
    finish(totals)
    for c in per_class.values():
        finish(c)
    totals["classes"] = dict(sorted(per_class.items()))
    result["groups"][g] = totals
    if g == "matching":
        totals["targetClasses"] = os.environ["MATCHING_CLASSES"]

fmt = "{:<44} {:>7} {:>6} {:>8} {:>6} {:>6} {:>7} {:>9}"
print(fmt.format("group / class", "mutants", "killed", "survived", "no cov", "t/out", "score%", "strength%"))
for g, t in result["groups"].items():
    print(fmt.format(g, t["mutants"], t["killed"], t["survived"], t["noCoverage"], t["timedOut"], t["score"], t["testStrength"]))
    weakest = sorted(t["classes"].items(), key=lambda kv: (kv[1]["score"], -kv[1]["mutants"]))[: int(os.environ["WEAKEST"])]
    for cls, c in weakest:
        print(fmt.format("  " + cls.rsplit(".", 1)[1], c["mutants"], c["killed"], c["survived"], c["noCoverage"], c["timedOut"], c["score"], c["testStrength"]))
os.makedirs(os.path.dirname(os.environ["OUT"]), exist_ok=True)
with open(os.environ["OUT"], "w") as f:
    json.dump(result, f, indent=2)
print("wrote", os.environ["OUT"])
sys.exit(1 if failed else 0)
PY
