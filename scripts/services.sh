#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, database `test`) and Redis (127.0.0.1:6379) are up for
# the multi-instance tests, starting the machine's own services when they are installed but
# stopped. Exits non-zero when they cannot be reached (the tests that need them then fail under
# CI=true, and skip with a printed reason locally).
set -u
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  sleep 2
fi
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1 || true
  sleep 1
fi
ok=0
pg_up || { echo "[services] PostgreSQL is not reachable on 127.0.0.1:5432" >&2; ok=1; }
redis_up || { echo "[services] Redis is not reachable on 127.0.0.1:6379" >&2; ok=1; }
exit $ok
