#!/usr/bin/env bash
# Upload-to-forecast latency of the local stack, as a seller and a storefront see it: starts `./trendcast up` on a
# fresh data directory, writes a sales file of ITEMS items x DAYS days (daily, weekly pattern, trend, noise), puts
# it with the stock AWS CLI (`aws --endpoint-url … s3 cp`; `./trendcast upload` when the CLI is absent), then polls
# the forecast API with the seller's key until every item answers 200. Prints seconds from the upload to the first
# and to the last forecast, and the status another seller's key gets for the same item; then waits for the global
# step (Tribuo across all items, then the selection of every shard with it) and prints when it ended and how many
# items the global model serves.
#   bench/pipeline-latency.sh [items] [days]          # default 100 items x 730 days
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
items=${1:-100}
days=${2:-730}
work=$(mktemp -d /tmp/trendcast-latency.XXXXXX)
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
s3_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

python3 - "$items" "$days" > "$work/sales.csv" <<'EOF'
import datetime, math, random, sys
items, days = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(11)
start = datetime.date(2024, 1, 1)
print("date,item_id,store_id,quantity,price,promo")
series = []
for i in range(items):
    level = 3 + rnd.random() * 60
    series.append((f"SKU-{i:04d}", level, (rnd.random() - 0.5) * level / days, 5 + rnd.random() * 20))
for d in range(days):
    day = start + datetime.timedelta(days=d)
    for item, level, slope, price in series:
        mean = max(0.0, (level + slope * d) * (1.35 if day.weekday() >= 5 else 1.0))
        q = max(0, round(mean + rnd.gauss(0, math.sqrt(mean + 1))))
        print(f"{day},{item},main,{q},{price:.2f},0")
EOF
echo "sales file: $items items x $days days, $(wc -l < "$work/sales.csv") lines, $(du -h "$work/sales.csv" | cut -f1)"

cd "$root"
./trendcast up --data-dir "$work/data" --api-port "$api_port" --s3-port "$s3_port" > "$work/up.log" 2>&1 &
up_pid=$!
trap 'kill $up_pid 2>/dev/null || true; wait $up_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do grep -q '^READY' "$work/up.log" && break; sleep 0.5; done
grep '^READY' "$work/up.log" || { echo "the stack did not start:"; tail -20 "$work/up.log"; exit 1; }
api="http://127.0.0.1:$api_port"
key=$(./trendcast keys create --seller s1 --data-dir "$work/data")
other=$(./trendcast keys create --seller s2 --data-dir "$work/data")

begin=$(date +%s.%N)
if command -v aws > /dev/null; then
  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 \
    aws --endpoint-url "http://127.0.0.1:$s3_port" s3 cp "$work/sales.csv" s3://trendcast-local/uploads/s1/sales.csv \
    > /dev/null
  how="aws s3 cp"
else
  ./trendcast upload "$work/sales.csv" --seller s1 --data-dir "$work/data" > /dev/null
  how="trendcast upload (no aws CLI)"
fi
# Train writes a shard's forecasts in the shard's order, so the last item answering 200 means every item does:
# poll the first and the last item until both answer, then check every item once.
url() { echo "$api/v1/sellers/s1/items/$(printf 'SKU-%04d' "$1")/forecast?store=main"; }
status() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$(url "$1")"; }
first=""
last=""
deadline=$(( $(date +%s) + 600 ))
while [ -z "$last" ] && [ "$(date +%s)" -lt "$deadline" ]; do
  [ -n "$first" ] || { [ "$(status 0)" = 200 ] && first=$(date +%s.%N); }
  [ -n "$first" ] && [ "$(status $((items - 1)))" = 200 ] && last=$(date +%s.%N)
  [ -n "$last" ] || sleep 0.2
done
[ -n "$last" ] || { echo "no forecast for the last item after 600 s"; tail -20 "$work/data/logs/train.log"; exit 1; }
missing=0
for i in $(seq 0 $((items - 1))); do [ "$(status "$i")" = 200 ] || missing=$((missing + 1)); done
swept=$(date +%s.%N)
[ "$missing" = 0 ] || { echo "$missing items without a forecast after the last one answered"; exit 1; }
sample=$(curl -s -H "Authorization: Bearer $key" "$api/v1/sellers/s1/items/SKU-0000/forecast?store=main")
foreign=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $other" \
  "$api/v1/sellers/s1/items/SKU-0000/forecast?store=main")
printf 'upload by %s; first item served after %.1f s, last (so all %d) after %.1f s; a sequential check of all %d\n' \
  "$how" "$(echo "$first - $begin" | bc)" "$items" "$(echo "$last - $begin" | bc)" "$items"
printf 'answered 200 by %.1f s; another seller'"'"'s key gets %s\n' "$(echo "$swept - $begin" | bc)" "$foreign"
echo "forecast of SKU-0000: ${sample:0:300}…"
# The global step runs after the shards (ingest writes its trigger last): wait for every shard's selection record.
shards=$(( (items + 199) / 200 ))
selected=""
deadline=$(( $(date +%s) + 900 ))
records() { find "$work/data" -path '*models/s1/*/selection/part-*.json' 2> /dev/null | wc -l; }
while [ -z "$selected" ] && [ "$(date +%s)" -lt "$deadline" ]; do
  [ "$(records)" -ge "$shards" ] && selected=$(date +%s.%N) || sleep 0.5
done
if [ -n "$selected" ]; then
  served=0
  for i in $(seq 0 $((items - 1))); do
    curl -s -H "Authorization: Bearer $key" "$(url "$i")" | grep -q '"model":"global' && served=$((served + 1))
  done
  printf 'global step and selection of all %d shard(s) done %.1f s after the upload; the global model serves %d of %d items\n' \
    "$shards" "$(echo "$selected - $begin" | bc)" "$served" "$items"
else
  echo "no selection record for every shard after 900 s"
fi
grep -h "trained\|shard\|global" "$work/data/logs/train.log" | grep -v "^Picked" | tail -3 | cut -c1-300 || true
echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
