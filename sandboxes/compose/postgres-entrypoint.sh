#!/bin/sh
# First start on an empty volume: create the cluster, the user and the database, then serve.
set -eu
BIN=/usr/lib/postgresql/15/bin
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "$POSTGRES_PASSWORD" > /tmp/pwfile
  "$BIN/initdb" --username="$POSTGRES_USER" --pwfile=/tmp/pwfile --auth=scram-sha-256 -D "$PGDATA" >/dev/null
  rm /tmp/pwfile
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" | "$BIN/postgres" --single -D "$PGDATA" postgres >/dev/null
  echo "initialised a new database cluster with database $POSTGRES_DB"
fi
exec "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*'
