#!/usr/bin/env bash
# A local PostgreSQL server for trying the shared library out (docs/LIBRARY.md).
#   scripts/library.sh start [DATADIR]    create the cluster on first use, start it, print the URL
#   scripts/library.sh stop [DATADIR]
#   scripts/library.sh status [DATADIR]
# Listens on 127.0.0.1 only, on a free port chosen at creation (kept in DATADIR/storyport-port).
# Logins from 127.0.0.1 are trusted (no password): for trying out on one machine only; a
# newsroom points Storyport at a real server instead (--url or STORYPORT_LIBRARY).
# initdb refuses to run as root: as root the cluster belongs to the postgres user.
set -euo pipefail

action=${1:-status}
if [ "$(id -u)" -eq 0 ]; then
  default_dir=/var/lib/storyport-library
  as_pg=(runuser -u postgres --)
else
  default_dir=${STORYPORT_HOME:-$HOME/.local/share/storyport}/library-pg
  as_pg=()
fi
DATA=${2:-$default_dir}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "library.sh: PostgreSQL is not installed (as root: scripts/setup.sh deps)" >&2
  exit 1
fi
PG_CTL=("${as_pg[@]}" "$BIN/pg_ctl" -D "$DATA")
url() { echo "postgresql+psycopg://storyport@127.0.0.1:$(cat "$DATA/storyport-port")/storyport"; }

case "$action" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$DATA" && chmod 700 "$DATA"
      "${as_pg[@]}" "$BIN/initdb" -D "$DATA" -U storyport --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
      python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
        | "${as_pg[@]}" tee "$DATA/storyport-port" >/dev/null
      fresh=1
    fi
    port=$(cat "$DATA/storyport-port")
    if ! "${PG_CTL[@]}" status >/dev/null 2>&1; then
      "${PG_CTL[@]}" -l "$DATA/server.log" -w -t 30 \
        -o "-p $port -k $DATA -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    if [ "${fresh:-0}" = 1 ]; then
      "${as_pg[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$port" -U storyport storyport
    fi
    echo "library server running on 127.0.0.1:$port ($DATA)" >&2
    echo "first time: .venv/bin/python main.py library --url $(url) init" >&2
    url ;;
  stop)
    "${PG_CTL[@]}" -m fast stop >/dev/null && echo "library server stopped ($DATA)" >&2 ;;
  status)
    if [ -f "$DATA/PG_VERSION" ] && "${PG_CTL[@]}" status >/dev/null 2>&1; then
      echo "running ($DATA)" >&2; url
    else
      echo "not running ($DATA)" >&2; exit 3
    fi ;;
  *) echo "usage: scripts/library.sh start|stop|status [DATADIR]" >&2; exit 2 ;;
esac
