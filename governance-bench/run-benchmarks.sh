#!/usr/bin/env bash
# Builds governance-bench/target/benchmarks.jar and runs the whole JMH suite once, in one run:
# about 5-8 minutes on 2 cores. Writes results/<date>.txt (the JMH output, the machine and a
# summary table) and results/<date>.json (JMH's JSON), then prints the summary: the warm
# assessment's median for the engine and the reference evaluator and their ratio, thread
# scaling, and build times warm and cold.
#
#   governance-bench/run-benchmarks.sh                        # the suite, as committed
#   governance-bench/run-benchmarks.sh 'AssessmentBenchmark'  # extra arguments go to JMH
#
# Settings (iterations, forks) are in each benchmark's annotations, chosen to finish in a few
# minutes; on a quiet machine, for final figures, pass e.g. `-f 3` to repeat every fork three
# times. Do not pass -wi/-i globally: BuildBenchmark.buildCold relies on 0 warm-up iterations.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

mvn -q -B -DskipTests package -pl governance-bench -am
jar="$here/target/benchmarks.jar"

mkdir -p "$here/results"
stamp="$(date -u +%Y-%m-%d)"
base="$here/results/$stamp"
n=2
while [ -e "$base.txt" ]; do
  base="$here/results/$stamp-$n"
  n=$((n + 1))
done
txt="$base.txt"
json="$base.json"

{
  echo "# governance-bench run, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' plus uncommitted changes')"
  echo "# nproc $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "# memory: $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GB", $2 / 1048576}')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/# /'
  echo "# command: java -jar benchmarks.jar -prof gc -rf json -rff $(basename "$json") $*"
  echo
} > "$txt"

java -jar "$jar" -prof gc -rf json -rff "$json" "$@" 2>&1 | tee -a "$txt"

{
  echo
  echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} >> "$txt"
java -cp "$jar" io.github.aigov.governance.bench.BenchmarkSummary "$json" | tee -a "$txt"

# The whole process, as a user runs it: JVM start, engine build, one assessment, output.
{
  echo
  echo "== Whole process: ./governance assess examples/projects/benefits-eligibility-chatbot.yaml =="
  if [ -x "$root/governance" ]; then
    times=()
    for _ in 1 2 3 4 5; do
      start=$(date +%s%N)
      "$root/governance" assess examples/projects/benefits-eligibility-chatbot.yaml > /dev/null
      end=$(date +%s%N)
      times+=($(( (end - start) / 1000000 )))
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
    echo "5 runs (ms): $sorted; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms"
  else
    echo "skipped: there is no ./governance launcher in this tree"
  fi
} | tee -a "$txt"

echo
echo "results: $txt"
echo "         $json"
