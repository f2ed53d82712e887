#!/usr/bin/env bash
# Cold start of the packaged api function (functions/api/target/function.zip) run as AWS runs it: a plain JVM with
# the AWS runtime interface client, handler QuarkusStreamHandler, C1 only, a Lambda Runtime API served by
# bench/ApiColdStart.java, GET /v1/health answered from dynalite. Prints ms from JVM start to the first response,
# twice: (1) the zip's layout as Lambda runs it without SnapStart (/var/task directory + lib/*), and (2) as the
# local stack runs it (the zip's root as app.jar + lib/*, with the dynamic class-data-sharing archive its first JVM
# writes at exit) - the local stand-in for the SnapStart snapshot.
#   ./mvnw -pl functions/api -am verify -DskipTests    # once, to build function.zip
#   bench/api-startup.sh [runs]                         # default 5 runs
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
zip="$root/functions/api/target/function.zip"
[ -f "$zip" ] || { echo "no $zip; build it: ./mvnw -pl functions/api -am verify -DskipTests" >&2; exit 1; }
m2=${MAVEN_REPO:-$HOME/.m2/repository}/com/amazonaws
ric="$m2/aws-lambda-java-runtime-interface-client/2.10.1/aws-lambda-java-runtime-interface-client-2.10.1.jar"
ric="$ric:$m2/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar"
ric="$ric:$m2/aws-lambda-java-serialization/1.2.0/aws-lambda-java-serialization-1.2.0.jar"
for jar in ${ric//:/ }; do
  [ -f "$jar" ] || { echo "missing $jar; fetch it with: ./mvnw dependency:get -Dartifact=com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1" >&2; exit 1; }
done
dynalite="$root/infra/local/node_modules/dynalite/cli.js"
[ -f "$dynalite" ] || { echo "no dynalite; run: (cd infra/local && npm ci)" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
node "$dynalite" --port "$port" --host 127.0.0.1 --createTableMs 0 > "$work/dynalite.log" 2>&1 &
dynalite_pid=$!
trap 'kill $dynalite_pid 2>/dev/null; rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work/function"
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

echo "function.zip: $(du -h "$zip" | cut -f1), $(java -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "== 1. as Lambda's java17 runtime without SnapStart: /var/task + lib/*"
java "$root/bench/ApiColdStart.java" "$work/function:$work/function/lib/*" "$ric" "http://127.0.0.1:$port" "$runs"
mkdir -p "$work/local/lib"
cp "$work"/function/lib/*.jar "$work/local/lib/"
(cd "$work/function" && rm -rf lib && jar --create --file "$work/local/app.jar" .)
echo "== 2. as the local stack runs it: app.jar + lib/*.jar with its class-data-sharing archive"
java "$root/bench/ApiColdStart.java" "$work/local/app.jar:$(ls "$work"/local/lib/*.jar | tr '\n' ':' | sed 's/:$//')" \
  "$ric" "http://127.0.0.1:$port" "$runs" "$work/local/classes.jsa"
