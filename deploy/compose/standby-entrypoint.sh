#!/bin/sh
# The streaming standby: on first start, clone the primary with pg_basebackup (-R writes standby.signal and
# primary_conninfo), then run the image's own entrypoint, which skips initdb for an existing data directory.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db -p 5432 -U replicator; do sleep 1; done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  su-exec postgres env PGPASSWORD="$REPLICATION_PASSWORD" \
    pg_basebackup -h db -p 5432 -U replicator -D "$PGDATA" -R -X stream -c fast
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
