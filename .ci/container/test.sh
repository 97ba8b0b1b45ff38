#!/usr/bin/env bash
# Container test: builds the repository's Dockerfile and runs the image the way a user would
# (published port, own documents mounted over /app/seeds, a secret file, a /data volume), then checks
# what the README promises of the container. Prints one PASS/FAIL line per check and a summary;
# exits 1 when any check fails.
#
# Use:  bash .ci/container/standins.sh && bash .ci/container/test.sh [CONTEXT_DIR]
#   CONTEXT_DIR  the build context holding Dockerfile and seeds/ (default: this script's repository).
# Environment: STANDIN_SDK_IMAGE / STANDIN_RUNTIME_IMAGE as in standins.sh; IMAGE (localhost/incidentbot:ci).
# Needs root (the stand-in images live in the system's container storage), buildah, podman, runc,
# curl and jq.
set -euo pipefail
# Files this script hands to the container must be readable by the app's user (uid 1654).
umask 022

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
context=$(cd "${1:-$script_dir/../..}" && pwd)
sdk_image=${STANDIN_SDK_IMAGE:-localhost/standin/dotnet-sdk:10.0}
runtime_image=${STANDIN_RUNTIME_IMAGE:-localhost/standin/dotnet-aspnet:10.0}
image=${IMAGE:-localhost/incidentbot:ci}
app_uid=1654
ready_timeout=60 watch_timeout=30 stop_timeout=10

say() { printf '==> %s\n' "$*"; }
die() { printf 'container test: error: %s\n' "$*" >&2; exit 1; }
# Nanosecond integers: EPOCHREALTIME's decimal separator would follow the locale.
now() { date +%s%N; }
since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

[ "$(id -u)" -eq 0 ] || die "run as root (the stand-in base images are in the system's container storage)"
[ -f "$context/Dockerfile" ] || die "no Dockerfile in $context"
compgen -G "$context/seeds/*" >/dev/null || die "no documents in $context/seeds"
for tool in buildah podman runc curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (bash $script_dir/standins.sh installs the container tools)"
done
if ! command -v jq >/dev/null 2>&1; then
  say "installing jq (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/incidentbot-ctest.XXXXXX")
container=incidentbot-ctest-$$
volume=incidentbot-ctest-data-$$
failures=0
results=()

# Always remove the container and its volume; keep the work folder (build log, container log) only
# when something failed, for whoever has to find out why.
cleanup() {
  local status=$?
  podman rm -f -t 0 "$container" >/dev/null 2>&1 || true
  podman volume rm -f "$volume" >/dev/null 2>&1 || true
  if [ "$status" -eq 0 ] && [ "$failures" -eq 0 ]; then
    rm -rf "$work"
  else
    printf 'logs kept in %s\n' "$work" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# runc, cgroupfs, no default ulimits (see the file); the machine's own settings stay untouched.
export CONTAINERS_CONF="$script_dir/containers.conf"
pm() { podman --runtime runc "$@"; }

pass() { results+=("PASS  $*"); printf 'PASS  %s\n' "$*"; }
fail() { results+=("FAIL  $*"); printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

# One HTTP request: sets $code (000 when no answer) and leaves the body in $work/body. Never through
# a proxy from the environment: the service is on this machine's loopback.
code=000
http() {
  local method=$1 path=$2
  shift 2
  rm -f "$work/body"
  code=$(curl -sS --noproxy "*" -o "$work/body" -w '%{http_code}' --max-time 30 -X "$method" "$@" "$base$path" 2>"$work/curl.err") || code=000
}
body() { cat "$work/body" 2>/dev/null || true; }
# Asks a question; sets $code and $answer (empty when not answered) and $cited (cited file names).
answer="" cited=""
ask() {
  http GET "/api/ask" -G --data-urlencode "q=$1"
  answer="" cited=""
  if [ "$code" = 200 ]; then
    answer=$(jq -r '.answer // ""' "$work/body" 2>/dev/null) || answer=""
    cited=$(jq -r '[.citations[]?.source] | join(" ")' "$work/body" 2>/dev/null) || cited=""
  fi
}

for base_image in "$sdk_image" "$runtime_image"; do
  podman image exists "$base_image" || die "no $base_image: run bash $script_dir/standins.sh first"
done

# --- Build --------------------------------------------------------------------------------------
say "building $image from $context/Dockerfile (log: $work/build.log)"
old_image=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null) || old_image=""
t=$(now)
# Docker's image format, as `docker build` makes: the OCI format has no HEALTHCHECK, and buildah
# would drop the Dockerfile's one with only a warning.
if ! buildah bud --isolation chroot --format docker \
  --build-arg SDK_IMAGE="$sdk_image" --build-arg RUNTIME_IMAGE="$runtime_image" \
  -f "$context/Dockerfile" -t "$image" "$context" >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  fail "image build (see $work/build.log)"
  exit 1
fi
build_seconds=$(since "$t")
pass "image builds from the Dockerfile (${build_seconds} s)"
# A rebuilt tag leaves the previous image unnamed; drop it so CI runs do not fill the disk.
new_image=$(podman image inspect --format '{{.Id}}' "$image")
if [ -n "$old_image" ] && [ "$old_image" != "$new_image" ]; then
  podman rmi "$old_image" >/dev/null 2>&1 || true
fi

# --- Run ----------------------------------------------------------------------------------------
# The user's own documents, mounted over the baked-in ones: start from copies of the repository's.
seeds=$work/seeds
mkdir -p "$seeds"
cp -R "$context/seeds/." "$seeds/"
chmod -R a+rX "$seeds" # mktemp folders are 0700; the app (uid 1654) must read them.

# Secrets: random, so a leak into the logs can be searched for. The admin key comes as a
# key-per-file secret (/run/secrets/Admin__ApiKey), readable only by the app's user; the Slack signing
# secret as an environment variable (it turns on Slack's HTTP endpoints without connecting out).
# No Discord token: Discord is unreachable here and the gateway would retry forever.
admin_key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
slack_secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
secret_file=$work/secrets/Admin__ApiKey
mkdir -p "$work/secrets"
printf '%s\n' "$admin_key" >"$secret_file" # a trailing newline, as `echo key > file` leaves
chown "$app_uid:$app_uid" "$secret_file"
chmod 0400 "$secret_file"

pm volume create "$volume" >/dev/null
say "starting $container (seeds: $seeds, /data: volume $volume)"
t=$(now)
# Port 0 on the host side: podman picks a free loopback port, so parallel runs never collide.
# PollSeconds=0 leaves only file events, so the watcher check below measures the watcher itself.
pm run -d --name "$container" \
  -p 127.0.0.1::8080 \
  -v "$seeds:/app/seeds" \
  -v "$secret_file:/run/secrets/Admin__ApiKey:ro" \
  -v "$volume:/data" \
  -e Seeds__WatchDebounceMs=500 \
  -e Seeds__PollSeconds=0 \
  -e Slack__SigningSecret="$slack_secret" \
  "$image" >/dev/null 2>"$work/run.err" || { cat "$work/run.err" >&2; die "podman run failed"; }
# Without systemd, podman cannot schedule the image's periodic health check and says so on stderr;
# that is expected here, and the check is run once by hand below.
if grep -q 'systemd connection' "$work/run.err"; then
  say "no systemd: podman will not schedule the periodic HEALTHCHECK (run once below)"
fi
grep -v 'systemd connection' "$work/run.err" >&2 || true
port=$(pm port "$container" 8080/tcp | head -n 1)
port=${port##*:}
base=http://127.0.0.1:$port
say "listening on $base"

running() { [ "$(pm inspect --format '{{.State.Running}}' "$container" 2>/dev/null)" = true ]; }

# --- Ready --------------------------------------------------------------------------------------
ready=false ready_seconds=-
deadline=$((SECONDS + ready_timeout))
while [ "$SECONDS" -lt "$deadline" ] && running; do
  http GET /readyz --max-time 2
  if [ "$code" = 200 ]; then ready=true; break; fi
  sleep 0.5
done
if $ready; then
  ready_seconds=$(since "$t")
  pass "/readyz is 200 after ${ready_seconds} s"
else
  fail "/readyz not 200 within ${ready_timeout} s (last status $code, running: $(running && echo yes || echo no))"
  pm logs --tail 30 "$container" 2>&1 | sed 's/^/    | /'
fi

if $ready; then
  # --- Answer -----------------------------------------------------------------------------------
  http GET '/api/ask?q=How%20many%20users%20were%20targeted%3F'
  got=$(jq -r '.answer // ""' "$work/body" 2>/dev/null || true)
  if [ "$code" = 200 ] && [[ $got == *1,400* ]]; then
    pass "/api/ask answers 'How many users were targeted?' with 1,400: \"$got\""
  else
    fail "/api/ask 'How many users were targeted?': status $code, answer \"$got\""
  fi

  # --- Not root ---------------------------------------------------------------------------------
  exec_uid=$(pm exec "$container" id -u 2>/dev/null || echo '?')
  pid1_uids=$(pm exec "$container" cat /proc/1/status 2>/dev/null | awk '/^Uid:/ { print $2, $3, $4, $5 }' || true)
  if [[ $exec_uid =~ ^[0-9]+$ ]] && [ "$exec_uid" -ne 0 ] && [[ $pid1_uids =~ ^[1-9][0-9]*\ [1-9][0-9]*\ [1-9][0-9]*\ [1-9][0-9]*$ ]]; then
    pass "the app runs as a non-root user (id -u: $exec_uid; PID 1 uids: $pid1_uids)"
  else
    fail "the app runs as root or could not be checked (id -u: $exec_uid; PID 1 uids: $pid1_uids)"
  fi

  # --- Mounted seeds: the file watcher picks up a new document by itself ----------------------
  # Written straight into the host folder (create, then write), as a user's copy lands.
  watch_doc=ci-watch-lighthouse.txt
  watch_q="Who keeps the lighthouse on Gannet Rock?"
  t=$(now)
  cat >"$seeds/$watch_doc" <<'EOF'
date 2024-03-01 The lighthouse on Gannet Rock is kept by a warden named Bramblewick.

Bramblewick has kept the Gannet Rock lighthouse since the spring storms.
EOF
  picked=false
  deadline=$((SECONDS + watch_timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    ask "$watch_q"
    if [[ $answer == *Bramblewick* ]]; then picked=true; break; fi
    sleep 0.5
  done
  if $picked; then
    pass "file watcher: a document added to the mounted seeds folder answers after $(since "$t") s: \"$answer\""
  else
    fail "file watcher: '$watch_q' not answered from $watch_doc within ${watch_timeout} s (status $code, answer \"$answer\")"
  fi

  # --- Reindex on request (admin key from /run/secrets), and a deleted document disappears -----
  http POST /api/reindex
  if [ "$code" = 401 ]; then
    pass "POST /api/reindex without the admin key is refused (401)"
  else
    fail "POST /api/reindex without the admin key: expected 401, got $code: $(body)"
  fi

  # A Markdown document with YAML front matter this time, the other format the README describes.
  reindex_doc=ci-reindex-ferry.md
  reindex_q="Who captains the night ferry to Skerrow Island?"
  cat >"$seeds/$reindex_doc" <<'EOF'
---
title: Ferry notice
date: 2024-03-02
---
# Ferry notice

The night ferry to Skerrow Island is captained by Quillon Marsh.
EOF
  rm "$seeds/$watch_doc"
  # Straight away, well within the watcher's debounce: the request itself must bring the change in.
  http POST /api/reindex -H "Authorization: Bearer $admin_key"
  reindex_code=$code reindex_body=$(body)
  reindex_status=$(jq -r '.status // "?"' <<<"$reindex_body" 2>/dev/null || echo '?')
  ask "$reindex_q"
  if [ "$reindex_code" = 200 ] && [[ $answer == *Quillon\ Marsh* ]]; then
    pass "POST /api/reindex (key from /run/secrets/Admin__ApiKey) is 200 ($reindex_status) and the new document answers at once: \"$answer\""
  else
    fail "POST /api/reindex with the admin key: status $reindex_code ($reindex_body); then '$reindex_q' gave status $code, answer \"$answer\""
  fi

  ask "$watch_q"
  http GET /api/sources
  sources=$(jq -r '[.. | objects | .source? // empty] | join(" ")' "$work/body" 2>/dev/null || true)
  if [[ $answer != *Bramblewick* && " $cited " != *" $watch_doc "* && " $sources " != *"$watch_doc"* ]]; then
    pass "a deleted document is gone after the rebuild (answer: \"${answer:-none}\"; sources: $sources)"
  else
    fail "deleted $watch_doc still answers or is listed (answer \"$answer\", cited: $cited; sources: $sources)"
  fi

  # --- Metrics ----------------------------------------------------------------------------------
  # The name may first appear in # HELP / # TYPE lines; show a sample line when there is one.
  http GET /metrics -D "$work/metrics.headers"
  if [ "$code" = 200 ] && grep -q 'incidentbot_questions_total' "$work/body"; then
    sample=$(grep -m1 '^incidentbot_questions_total' "$work/body" || grep -m1 'incidentbot_questions_total' "$work/body")
    type=$(grep -i -m1 '^content-type:' "$work/metrics.headers" | cut -d: -f2- | tr -d '\r' || true)
    pass "/metrics has incidentbot_questions_total (content type:${type:- none}): $sample"
  else
    fail "/metrics: status $code, no incidentbot_questions_total sample ($(head -c 200 "$work/body" | tr '\n' ' '))"
  fi

  # --- Health check, as the image declares it ---------------------------------------------------
  if health=$(pm healthcheck run "$container" 2>&1); then
    pass "HEALTHCHECK (incidentbot health) reports healthy"
  else
    fail "HEALTHCHECK (incidentbot health) fails: $health"
  fi
else
  for check in "/api/ask" "non-root user" "file watcher" "reindex" "deleted document" "/metrics" "HEALTHCHECK"; do
    fail "$check: not checked, the service never became ready"
  done
fi

# --- Stop ---------------------------------------------------------------------------------------
stop_seconds=-
if running; then
  t=$(now)
  pm stop -t "$stop_timeout" "$container" >/dev/null 2>&1 || true
  stop_seconds=$(since "$t")
  exit_code=$(pm inspect --format '{{.State.ExitCode}}' "$container")
  if [ "$exit_code" = 0 ] && awk -v s="$stop_seconds" -v m="$stop_timeout" 'BEGIN { exit !(s < m) }'; then
    pass "SIGTERM (podman stop -t $stop_timeout) stops it in ${stop_seconds} s with exit code 0"
  else
    fail "SIGTERM (podman stop -t $stop_timeout): took ${stop_seconds} s, exit code $exit_code"
  fi
else
  fail "SIGTERM: the container was no longer running (exit code $(pm inspect --format '{{.State.ExitCode}}' "$container"))"
fi

# --- Logs ---------------------------------------------------------------------------------------
pm logs "$container" >"$work/container.log" 2>&1 || true
lines=$(grep -c '[^[:space:]]' "$work/container.log" || true)
# A line is fine only when it parses as a JSON object; print the first offenders.
jq -R -r 'select(test("\\S")) | select((try fromjson catch null) | type != "object")' \
  "$work/container.log" >"$work/not-json.log"
if [ "$lines" -gt 0 ] && [ ! -s "$work/not-json.log" ]; then
  pass "all $lines log lines are JSON objects"
else
  fail "logs: $(grep -c '' "$work/not-json.log" || true) of $lines non-empty lines are not JSON objects, e.g.:"
  head -n 5 "$work/not-json.log" | cut -c 1-200 | sed 's/^/    | /'
fi
leaked=()
grep -qF -- "$admin_key" "$work/container.log" && leaked+=("Admin__ApiKey")
grep -qF -- "$slack_secret" "$work/container.log" && leaked+=("Slack__SigningSecret")
if [ "${#leaked[@]}" -eq 0 ]; then
  pass "the logs contain no secret value (Admin__ApiKey, Slack__SigningSecret)"
else
  fail "the logs contain secret values: ${leaked[*]}"
fi

# --- State in the /data volume ------------------------------------------------------------------
data_dir=$(pm volume inspect --format '{{.Mountpoint}}' "$volume")
index_files=$(find "$data_dir/index" -type f 2>/dev/null | wc -l)
index_owner=$(stat -c %u "$data_dir/index" 2>/dev/null || echo '?')
if [ "$index_files" -gt 0 ] && [ "$index_owner" = "$app_uid" ]; then
  pass "the index persisted in the /data volume ($index_files files in /data/index, owner uid $index_owner)"
else
  fail "no index in the /data volume ($index_files files in /data/index, owner uid $index_owner)"
fi

# --- Summary ------------------------------------------------------------------------------------
passed=$((${#results[@]} - failures))
printf '\n== container test summary: %d passed, %d failed ==\n' "$passed" "$failures"
printf '  %s\n' "${results[@]}"
printf '  timings: build %s s, ready %s s after start, stop %s s\n' "$build_seconds" "$ready_seconds" "$stop_seconds"
[ "$failures" -eq 0 ]
