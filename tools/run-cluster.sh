#!/usr/bin/env bash
# Three Cognito.Silo processes on this machine, one cluster with Redis membership and Redis sessions.
#
#   redis-server --port 6379 --save '' --appendonly no     # terminal 1 (or any Redis you have)
#   tools/run-cluster.sh --local                            # terminal 2: three silos, cognito-local in the first
#
# Without --local the silos serve the pools configured in the environment (Cognito__Pools__main__UserPoolId=...,
# as for one silo; see README "Configuring the silo"). With --local the first silo starts cognito-local
# (its quick-start mode) and the other two are pointed at that emulator: stopping the first stops Cognito.
# Ports: silo/gateway/health 11111/30000/11180, 11112/30001/11181, 11113/30002/11182. Clients use the gateway list in Redis
# (UseRedisClustering, ClusterId below). Ctrl+C stops all three gracefully (SIGTERM).
#
# Environment: REDIS (default 127.0.0.1:6379), CLUSTER_ID (default local), SERVICE_ID (default cognito-local-cluster).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_mode=false
[[ "${1:-}" == "--local" ]] && local_mode=true

export Orleans__Membership=Redis Orleans__Storage=Redis Orleans__AdvertisedAddress=127.0.0.1
export Orleans__Redis__ConnectionString="${REDIS:-127.0.0.1:6379}"
export Orleans__ClusterId="${CLUSTER_ID:-local}" Orleans__ServiceId="${SERVICE_ID:-cognito-local-cluster}"

dotnet build "$root/src/Cognito.Silo" -c Release -v quiet -nologo >/dev/null
silo="$(dotnet msbuild "$root/src/Cognito.Silo" -p:Configuration=Release -getProperty:TargetPath)"
logs="$(mktemp -d)"
pids=()

stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
  rm -rf "$logs"
}
trap stop INT TERM EXIT

start() { # index, extra args...
  local n="$1"; shift
  Orleans__SiloPort=$((11110 + n)) Orleans__GatewayPort=$((29999 + n)) Cognito__Health__Port=$((11179 + n)) \
    dotnet "$silo" "$@" > >(tee "$logs/silo$n.log" | sed -u "s/^/[silo$n] /") 2>&1 &
  pids+=("$!")
}

wait_started() { # index
  for _ in $(seq 1 600); do
    grep -q '^Silo started' "$logs/silo$1.log" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "silo$1 did not start; see its output above" >&2
  exit 1
}

# The first silo starts alone, so the key ring in Redis has its first key before the others read it.
if $local_mode; then
  start 1 --local
  wait_started 1
  url="$(sed -n 's/^cognito-local is running at //p' "$logs/silo1.log")"
  export Cognito__Pools__main__ServiceUrl="$url"
  export Cognito__Pools__main__UserPoolId="$(sed -n 's/^ *pool "main": //p' "$logs/silo1.log")"
  export Cognito__Pools__main__ClientId="$(sed -n 's/^ *app client: //p' "$logs/silo1.log")"
  export Cognito__Pools__main__Issuer="${url%/}/$Cognito__Pools__main__UserPoolId"
  export Cognito__Pools__main__AccessKeyId=AKIDLOCAL Cognito__Pools__main__SecretAccessKey=local-secret-key
else
  start 1
  wait_started 1
fi
start 2
start 3
wait_started 2
wait_started 3
echo "Three silos of cluster '$Orleans__ClusterId' are running (gateways 30000-30002). Ctrl+C stops them."
wait
