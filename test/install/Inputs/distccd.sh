#!/usr/bin/env bash
# distccd.sh LOG CMDLIST COMMAND... — run COMMAND with a distccd of its own on
# localhost (test/install/Farm_distcc.test): distccd listens on a free port of
# 127.0.0.1, allows only 127.0.0.1 and runs only the compilers CMDLIST names
# (its DISTCC_CMDLIST: the operator's list of what remote compiles may run);
# COMMAND runs with DISTCC_HOSTS naming it and no local fallback
# (DISTCC_FALLBACK=0, so a compile that does not go remote fails).  distccd's
# log goes to LOG.
set -euo pipefail
log=$1 cmdlist=$2; shift 2
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# distccd drops root's rights (to nobody), so its TMPDIR must be one anybody may enter.
TMPDIR=/tmp DISTCC_CMDLIST=$cmdlist distccd --no-detach --daemon --allow 127.0.0.1 --listen 127.0.0.1 \
  --port "$port" --jobs 1 --log-stderr --log-level info 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do # until it listens
  grep -q "listening on" "$log" 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "distccd.sh: distccd did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
mkdir -p "$log.dir"
DISTCC_HOSTS="127.0.0.1:$port/1" DISTCC_FALLBACK=0 DISTCC_DIR="$log.dir" DISTCC_SKIP_LOCAL_RETRY=1 "$@"
