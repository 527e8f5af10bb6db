#!/usr/bin/env bash
# Times `netsec lint` on one small nginx file from the packed and installed tool, as a user runs it: a new
# process each time, so the figure includes runtime start-up, JIT and the lint. It packs the tool twice,
# as the portable package that ships today and as a ReadyToRun package for one runtime identifier, and
# prints the median, minimum and maximum wall time of RUNS runs of each.
#
# Usage: bench/startup/run.sh [RUNS] [RID]    (defaults: 21 runs, linux-x64)
set -euo pipefail

runs="${1:-21}"
rid="${2:-linux-x64}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/netsec-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.0.0-startup"

# pack_and_install NAME [PACK ARGUMENTS...]: packs the tool into its own feed and installs it from there.
pack_and_install() {
  local name="$1"
  shift
  dotnet pack "$root/src/ConfigLinter/Cli" -c Release -p:Version="$version" \
    -o "$work/$name/feed" --artifacts-path "$work/$name/artifacts" "$@" > "$work/$name.pack.log"
  dotnet tool install NetSecAnalyzers.Tool --version "$version" --tool-path "$work/$name/tools" \
    --add-source "$work/$name/feed" > "$work/$name.install.log"
}

# measure NAME: runs the installed command RUNS times after one warm-up run and prints its figures.
measure() {
  local name="$1"
  local netsec="$work/$name/tools/netsec"
  local times=()
  "$netsec" lint "$work/site/nginx.conf" > /dev/null || true
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$netsec" lint "$work/site/nginx.conf" > /dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done

  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median min max
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$runs" "$median" "$min" "$max"
}

mkdir -p "$work/site"
cat > "$work/site/nginx.conf" <<'NGINX'
events {}
http {
  server {
    listen 443 ssl;
    server_name example.org;
    ssl_protocols TLSv1 TLSv1.2;
    location / { proxy_pass http://127.0.0.1:8080; }
  }
}
NGINX

pack_and_install portable
pack_and_install readytorun -r "$rid" -p:PublishReadyToRun=true

echo "| package | runs | median ms | min ms | max ms |"
echo "|---|---|---|---|---|"
measure portable
measure readytorun
