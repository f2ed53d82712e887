#!/usr/bin/env bash
# Per-series training time of the train function (SeriesTrainer: gap filling, auto, 80/95 % intervals) on a
# synthetic shard, to size shards and the Lambda timeout. Needs compiled classes:
#   ./mvnw -pl functions/train -am verify -DskipTests
#   bench/train-throughput.sh [series] [days] [horizon]     # default 40 series, 730 days, horizon 28
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp="$root/shared/core/target/classes:$root/functions/train/target/classes"
[ -d "$root/functions/train/target/classes/io" ] || { echo "build first: ./mvnw -pl functions/train -am verify -DskipTests" >&2; exit 1; }
echo "$(java -version 2>&1 | head -1), load $(cut -d' ' -f1 /proc/loadavg)"
java -cp "$cp" "$root/bench/TrainThroughput.java" "${1:-40}" "${2:-730}" "${3:-28}"
