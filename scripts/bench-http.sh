#!/usr/bin/env bash
# HTTP load figures of the identity service on loopback (BENCHMARKS.md "Identity service over HTTP"):
#   - throughput of POST /credentials/verify and POST /credentials/issue with wrk (16 connections, 2 threads);
#   - p50/p99 of POST /credentials/verify at a fixed 500 requests/s with hey (10 workers x 50 req/s each).
# CPU_REQUESTS=N instead measures the service's own CPU time per verify (utime+stime of its process from
# /proc/<pid>/stat, before and after N requests sent by hey with 16 connections): a figure that other load on the
# machine does not change much, unlike requests/s. SKIP_BUILD=1 uses the jar as built; JAR=path another build of it.
# The service is the packaged jar in prod mode on its embedded PostgreSQL, with real OAuth2 tokens. Run it on an
# otherwise idle machine; it installs wrk and hey with apt-get when they are missing. DURATION (s) defaults to 30.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-30}
. scripts/select-jdk.sh

for tool in wrk hey; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench-http: installing $tool with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B ${MAVEN_ARGS:-} -pl identity-service/server -am install -DskipTests >/dev/null
work=$(mktemp -d /tmp/creditmesh-bench-http.XXXXXX)
chmod 755 "$work"
port=${PORT:-18080}
base="http://127.0.0.1:$port"
admin_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')

CREDITMESH_DATA_DIR="$work" CREDITMESH_KEYSTORE_PASSWORD=bench-only \
CREDITMESH_RETENTION_KEY=$(head -c 32 /dev/urandom | base64) \
CREDITMESH_BOOTSTRAP_ADMIN_SECRET="$admin_secret" CREDITMESH_TRUST_BOOTSTRAP_ENABLED=true \
CREDITMESH_PUBLIC_URL="http://localhost:$port" QUARKUS_HTTP_SSL_PORT=$((port + 1)) QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Dquarkus.http.port="$port" ${BENCH_JAVA_OPTS:-} \
  -jar "${JAR:-identity-service/server/target/quarkus-app/quarkus-run.jar}" >"$work/service.log" 2>&1 &
service=$!
stop_service() {
  kill "$service" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$service" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$service" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_service EXIT
for _ in $(seq 1 240); do
  curl -fsS "$base/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $service 2>/dev/null || { echo "bench-http: the service did not start; see its log:" >&2; tail -20 "$work/service.log" >&2; exit 1; }
  sleep 0.5
done

token() { # client_id secret
  curl -fsS -u "$1:$2" -d grant_type=client_credentials "$base/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
register() { # admin_token client_id role
  curl -fsS -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "{\"clientId\": \"$2\", \"name\": \"Bench $2\", \"role\": \"$3\"}" "$base/admin/organisations" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientSecret"])'
}
admin=$(token admin "$admin_secret")
bureau=$(token bench-bureau "$(register "$admin" bench-bureau bureau)")
lender=$(token bench-lender "$(register "$admin" bench-lender lender)")

# One KYC credential (vc+jwt) to verify, and the issue request the issue benchmark repeats (no id: each is new).
issue_body="$work/issue.json"
python3 - "$issue_body" <<'PY'
import json, sys
credential = json.load(open("identity-service/server/src/test/resources/kyc-unsigned.json"))
for k in ("id", "proof", "credentialStatus"):
    credential.pop(k, None)
json.dump({"credential": credential, "options": {"format": "vc+jwt"}}, open(sys.argv[1], "w"))
PY
verify_body="$work/verify.json"
curl -fsS -H "Authorization: Bearer $bureau" -H 'Content-Type: application/json' --data @"$issue_body" "$base/credentials/issue" \
  | python3 -c 'import json,sys; print(json.dumps({"verifiableCredential": json.load(sys.stdin)["verifiableCredential"]}))' >"$verify_body"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $lender" -H 'Content-Type: application/json' --data @"$verify_body" "$base/credentials/verify")
[ "$code" = 200 ] || { echo "bench-http: the credential does not verify ($code)" >&2; exit 1; }

post_lua() { # token body-file -> a wrk script that POSTs the body
  python3 - "$1" "$2" >"$work/post.lua" <<'PY'
import json, sys
body = open(sys.argv[2]).read()
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["Authorization"] = "Bearer %s"' % sys.argv[1])
print('wrk.body = %s' % json.dumps(body))
PY
}

echo "== warm-up (10 s)"
post_lua "$lender" "$verify_body"; wrk -t2 -c16 -d10s -s "$work/post.lua" "$base/credentials/verify" >/dev/null

cpu_ticks() { # utime + stime of the pids given, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{ sum += $14 + $15 } END { print sum + 0 }'
}
jit_ticks() { # the same for the service's JIT compiler threads: warm-up work, reported apart
  for task in /proc/"$service"/task/*; do
    if grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null; then cat "$task/stat" 2>/dev/null || true; fi
  done | sed 's/^.*) //' | awk '{ sum += $12 + $13 } END { print sum + 0 }'
}
postgres_pids() { # the embedded PostgreSQL's postmaster and its backends (the pool keeps them alive)
  local postmaster
  postmaster=$(head -1 "$(find "$work" -name postmaster.pid | head -1)")
  echo "$postmaster" $(pgrep -P "$postmaster")
}
if [ -n "${CPU_REQUESTS:-}" ]; then
  hz=$(getconf CLK_TCK)
  CPU_REQUESTS=$(( CPU_REQUESTS / 16 * 16 )) # hey sends n/c per connection
  for round in $(seq 1 "${CPU_ROUNDS:-3}"); do
    pg=$(postgres_pids)
    before=$(cpu_ticks "$service"); pg_before=$(cpu_ticks $pg); jit_before=$(jit_ticks)
    out=$(hey -n "$CPU_REQUESTS" -c 16 -m POST -H "Authorization: Bearer $lender" -T application/json -D "$verify_body" \
      "$base/credentials/verify")
    after=$(cpu_ticks "$service"); pg_after=$(cpu_ticks $pg); jit_after=$(jit_ticks)
    jit=$(( jit_after - jit_before ))
    ok=$(echo "$out" | awk '/\[200\]/ { print $2 }')
    [ "${ok:-0}" = "$CPU_REQUESTS" ] || { echo "bench-http: only ${ok:-0} of $CPU_REQUESTS verifies answered 200" >&2; echo "$out" >&2; exit 1; }
    echo "round $round: $CPU_REQUESTS verifies, service CPU $(( (after - before) * 1000 / hz )) ms" \
      "(JIT compiler threads $(( jit * 1000 / hz )) ms), without JIT $(( (after - before - jit) * 1000000 / hz / CPU_REQUESTS )) us per request;" \
      "PostgreSQL $(( (pg_after - pg_before) * 1000000 / hz / CPU_REQUESTS )) us per request;" \
      "$(echo "$out" | awk '/Requests\/sec/ { print $2 }') requests/s (load average $(cut -d' ' -f1 /proc/loadavg))"
  done
  exit 0
fi
echo "== POST /credentials/verify, throughput (wrk -t2 -c16 -d${duration}s)"
wrk -t2 -c16 -d"${duration}s" --latency -s "$work/post.lua" "$base/credentials/verify"
echo "== POST /credentials/verify at 500 requests/s (hey -c 10 -q 50 -z ${duration}s)"
hey -c 10 -q 50 -z "${duration}s" -m POST -H "Authorization: Bearer $lender" -T application/json -D "$verify_body" \
  "$base/credentials/verify" | sed -n '/Summary/,$p' | grep -v '^  [0-9.]* \[[0-9]*\]'
echo "== POST /credentials/issue, throughput (wrk -t2 -c16 -d${duration}s)"
post_lua "$bureau" "$issue_body"; wrk -t2 -c16 -d"${duration}s" --latency -s "$work/post.lua" "$base/credentials/issue"
echo "(tokens live 5 minutes: keep DURATION under 120)"
