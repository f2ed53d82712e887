#!/usr/bin/env bash
# Load on the local API, loopback only: `trendcast up` on a temporary data directory, a small upload of seller
# "bench" (3 items x 120 days) trained by the local stack, then 20 requests one at a time (their median latency)
# and wrk on GET .../items/SKU-1/forecast with the seller's key. Prints p50 and p99 latency, requests per second and every error wrk counted (non-2xx answers,
# connect/read/write errors, timeouts).
#   apt-get install -y wrk                      # once
#   bench/api-load.sh [duration=60s] [connections=50] [threads=2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-60s}
connections=${2:-50}
threads=${3:-2}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# TRENDCAST overrides the launcher, e.g. "java -jar infra/local/target/trendcast.jar" to skip its staleness check.
tc=${TRENDCAST:-$root/trendcast}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

data=$(mktemp -d)
api_port=$(free_port)
s3_port=$(free_port)
$tc up --data-dir "$data/stack" --api-port "$api_port" --s3-port "$s3_port" > "$data/up.log" 2>&1 &
up_pid=$!
cleanup() { kill "$up_pid" 2>/dev/null || true; wait "$up_pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 600); do grep -q '^READY' "$data/up.log" && break; kill -0 "$up_pid" || { cat "$data/up.log" >&2; exit 1; }; sleep 0.5; done
grep -q '^READY' "$data/up.log" || { echo "the stack did not start in 300 s" >&2; exit 1; }

key=$($tc keys create --seller bench --data-dir "$data/stack")
python3 - "$data/sales.csv" <<'PY'
import datetime, math, sys
with open(sys.argv[1], "w") as f:
    f.write("date,item_id,store,quantity\n")
    start = datetime.date(2024, 1, 1)
    for i in range(1, 4):
        for d in range(120):
            q = 20 + 5 * i + 6 * math.sin(2 * math.pi * d / 7) + d * 0.05 * i
            f.write(f"{start + datetime.timedelta(days=d)},SKU-{i},north,{q:.0f}\n")
PY
$tc upload "$data/sales.csv" --seller bench --data-dir "$data/stack" > /dev/null
url="http://127.0.0.1:$api_port/v1/sellers/bench/items/SKU-1/forecast?store=north"
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$url")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$url")" = 200 ] \
  || { echo "no forecast after 600 s" >&2; exit 1; }

for _ in $(seq 20); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $key" "$url"
done | sort -n | awk '{t[NR]=$1} END {printf "one request at a time (20, after warm-up): median %.1f ms\n", 1000*t[int((NR+1)/2)]}'
echo "wrk -t$threads -c$connections -d$duration GET $url ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency \
    -H "Authorization: Bearer $key" "$url" | tee "$data/wrk.txt"
python3 - "$data/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def pct(p):
    m = re.search(r"^\s+%s%%\s+(\S+)" % p, text, re.M)
    return m.group(1) if m else "?"
requests = re.search(r"(\d+) requests in", text).group(1)
rps = re.search(r"Requests/sec:\s+(\S+)", text).group(1)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
print(f"RESULT requests={requests} rps={rps} p50={pct(50)} p99={pct(99)} errors={errors}"
      + (f" (non-2xx {non2xx.group(1)})" if non2xx else "") + (f" (socket {socket.group(0)})" if socket else ""))
PY
