#!/usr/bin/env bash
# Builds governance-bench/target/benchmarks.jar and runs the whole JMH suite once, in one run:
# about 5-8 minutes on 2 cores. Writes results/<date>.txt (the JMH output, the machine and a
# summary table) and results/<date>.json (JMH's JSON), then prints the summary: the warm
# assessment's median for the engine and the reference evaluator and their ratio, thread
# scaling, and build times warm and cold.
#
#   governance-bench/run-benchmarks.sh                        # the suite, as committed
#   governance-bench/run-benchmarks.sh 'AssessmentBenchmark'  # extra arguments go to JMH
#   governance-bench/run-benchmarks.sh startup                # only the whole-process timing (below)
#
# Every run ends with the whole process as a user runs it, `./governance assess` on a sample,
# beside a bare JVM start on the same JVM options (a main that does nothing), in the same run:
# hyperfine when it is installed (apt-get install hyperfine), else a loop; medians and ratios.
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

# whole_process: ./governance assess on a sample, as shipped, without its class-data archive, and
# with an overlay (whose rules are compiled when the engine is built), beside a bare JVM start with
# the launcher's JVM options, all in one run; medians and ratios.
whole_process() {
  local sample=examples/projects/benefits-eligibility-chatbot.yaml runs=10
  local bare=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/target/classes" io.github.aigov.governance.bench.JvmStart)
  local assess=("$root/governance" assess "$sample")
  local nocds=(env GOVERNANCE_CDS=off "$root/governance" assess "$sample")
  local overlay=("$root/governance" assess "$sample" --overlay examples/overlays/example-ministry-overlay.yaml)
  local labels=("bare JVM start (a main that does nothing)" "./governance assess (as shipped)" \
    "./governance assess without the class-data archive" "./governance assess --overlay (rules compiled then)")
  echo
  echo "== Whole process: ./governance assess $sample =="
  echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # The first run after a build records the class-data archive: not a run to time.
  "${assess[@]}" > /dev/null 2>&1
  local medians=()
  if command -v hyperfine > /dev/null 2>&1; then
    local csv
    csv="$(mktemp)"
    echo "# $(hyperfine --version), $runs runs of each after 2 warm-up runs, no shell (-N)"
    hyperfine -N -w 2 -r "$runs" --style none --export-csv "$csv" \
      -n "${labels[0]}" "${bare[*]}" -n "${labels[1]}" "${assess[*]}" -n "${labels[2]}" "${nocds[*]}" \
      -n "${labels[3]}" "${overlay[*]}" > /dev/null
    # command,mean,stddev,median,user,system,min,max (seconds)
    # (CPU time, user + system, moves less than wall time when other work shares the machine)
    while IFS=, read -r _ _ _ median user system min max; do
      medians+=("$(awk -v m="$median" 'BEGIN { printf "%d", m * 1000 + 0.5 }')")
      printf '%-55s median %5d ms   (min %d, max %d; CPU %d ms)\n' "${labels[${#medians[@]} - 1]}" "${medians[-1]}" \
        "$(awk -v m="$min" 'BEGIN { printf "%d", m * 1000 + 0.5 }')" "$(awk -v m="$max" 'BEGIN { printf "%d", m * 1000 + 0.5 }')" \
        "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }')"
    done < <(tail -n +2 "$csv")
    rm -f "$csv"
  else
    echo "# no hyperfine: a loop, $runs runs of each after 2 warm-up runs"
    local i cmd name times sorted
    for i in 0 1 2 3; do
      case $i in 0) cmd=("${bare[@]}") ;; 1) cmd=("${assess[@]}") ;; 2) cmd=("${nocds[@]}") ;; 3) cmd=("${overlay[@]}") ;; esac
      "${cmd[@]}" > /dev/null 2>&1; "${cmd[@]}" > /dev/null 2>&1
      times=()
      for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "${cmd[@]}" > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
      done
      sorted=($(printf '%s\n' "${times[@]}" | sort -n))
      if (( runs % 2 )); then
        medians+=("${sorted[runs / 2]}")
      else
        medians+=($(( (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2 )))
      fi
      printf '%-55s median %5d ms   (min %d, max %d)\n' "${labels[$i]}" "${medians[-1]}" "${sorted[0]}" "${sorted[-1]}"
    done
  fi
  awk -v b="${medians[0]}" -v a="${medians[1]}" -v n="${medians[2]}" -v o="${medians[3]}" 'BEGIN {
    printf "ratio to the bare JVM start: %.1fx as shipped, %.1fx without the archive, %.1fx with the overlay\n", a / b, n / b, o / b
    printf "target: whole process <= 1 s ... %s (%d ms)\n", (a <= 1000 ? "MET" : "NOT MET"), a }'
}

if [[ "${1:-}" == "startup" ]]; then
  # Only the whole process: the launcher builds the command line if it needs to.
  mkdir -p "$here/results"
  txt="$here/results/$(date -u +%Y-%m-%d)-startup.txt"
  n=2
  while [ -e "$txt" ]; do
    txt="$here/results/$(date -u +%Y-%m-%d)-startup-$n.txt"
    n=$((n + 1))
  done
  {
    echo "# governance-bench whole-process run, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' plus uncommitted changes')"
    echo "# nproc $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    java -version 2>&1 | sed 's/^/# /'
  } > "$txt"
  whole_process | tee -a "$txt"
  echo
  echo "results: $txt"
  exit 0
fi

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
whole_process | tee -a "$txt"

echo
echo "results: $txt"
echo "         $json"
