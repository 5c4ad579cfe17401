#!/usr/bin/env bash
# Used by `make run`: migrate, load demo data once, then serve the site and the task workers.
set -euo pipefail
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
PY=.venv/bin/python
VAR=${FAIRHIRE_VAR_DIR:-var}
mkdir -p "$VAR"

$PY manage.py migrate --noinput
if [ ! -f "$VAR/.demo-data-loaded" ]; then
  # Mail the demo sends (review decisions) goes to var/mail/, not into the account list.
  FAIRHIRE_EMAIL_BACKEND=file $PY manage.py demo_data > "$VAR/demo-accounts.txt"
  touch "$VAR/.demo-data-loaded"
fi
# Periodic tasks (ledger checkpoints, organisation re-verification, posting freshness,
# application expiry and interview reminders, saved-search alerts) re-queue themselves;
# these only start them when none is waiting.
$PY manage.py ledger_checkpoint --schedule
$PY manage.py orgs_schedule
$PY manage.py postings_schedule
$PY manage.py search_schedule
$PY manage.py applications_schedule
$PY manage.py db_worker --no-reload &
WORKER=$!
# The search index follows the database through its own queue, polled twice a second, so a
# published or closed posting shows in search within about a second (docs/search.md).
$PY manage.py db_worker --no-reload --queue-name search --interval 0.5 &
SEARCH_WORKER=$!
trap 'kill $WORKER $SEARCH_WORKER 2>/dev/null || true' EXIT INT TERM
cat "$VAR/demo-accounts.txt"
echo
echo "FairHire is starting at http://$HOST:$PORT/  (Ctrl-C stops the server and the task workers)"
$PY manage.py runserver --noreload "$HOST:$PORT"
