#!/usr/bin/env bash
# Per-series training time of the train function (SeriesTrainer: gap filling, auto, 80/95 % intervals) on a
# synthetic shard, to size shards and the Lambda timeout. Needs compiled classes:
#   ./mvnw -pl functions/train -am verify -DskipTests
#   bench/train-throughput.sh [series] [days] [horizon] [threads]   # default 40 series, 730 days, horizon 28, 1
# JIT flags go in JAVA_OPTS, e.g. JAVA_OPTS="-XX:TieredStopAtLevel=1" for the java17 runtime's C1-only default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp="$root/shared/core/target/classes:$root/functions/train/target/classes"
[ -d "$root/functions/train/target/classes/io" ] || { echo "build first: ./mvnw -pl functions/train -am verify -DskipTests" >&2; exit 1; }
echo "$(java -version 2>&1 | head -1), load $(cut -d' ' -f1 /proc/loadavg)"
java ${JAVA_OPTS:-} -cp "$cp" "$root/bench/TrainThroughput.java" "${1:-40}" "${2:-730}" "${3:-28}" "${4:-1}"
