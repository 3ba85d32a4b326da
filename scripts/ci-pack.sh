#!/usr/bin/env bash
# The sales-pack workflow's steps (.github/workflows/pack.yml), runnable anywhere from the
# repository root, so that the workflow and its test run the very same commands.
#
#   QUARTER      quarter to issue, e.g. 2026-Q3 (default: the latest in data/ or reports/)
#   REISSUE      reason for reissuing an issued quarter (default: refuse changes)
#   QUARTERDECK_PASSPHRASE  when set, the published site is encrypted with it
#   QUARTERDECK  how to run the command line (default: npx quarterdeck)
#
# Two layouts are served. With the quarter's export in data/QUARTER, the inputs are
# validated and the quarter computed into reports/. With no export there — raw exports
# kept out of git and only reports/ committed — the archive in reports/ is published as
# it is, and nothing is computed.
set -euo pipefail

QUARTERDECK=${QUARTERDECK:-npx quarterdeck}
QUARTER=${QUARTER:-}
REISSUE=${REISSUE:-}
qd() { $QUARTERDECK "$@"; }

quarters_in() { [ -d "$1" ] && ls "$1" | grep -E '^[0-9]{4}-Q[1-4]$' || true; }

if [ -z "$QUARTER" ]; then
  QUARTER=$( (quarters_in data; quarters_in reports) | sort | tail -n 1)
fi
if [ -z "$QUARTER" ]; then
  echo "error: no quarter to publish: neither data/ nor reports/ has a folder such as 2026-Q3." >&2
  exit 1
fi

if [ -d "data/$QUARTER" ]; then
  echo "== $QUARTER: validating and computing data/$QUARTER"
  qd validate --data "data/$QUARTER"
  if [ -n "$REISSUE" ]; then
    qd compute --data "data/$QUARTER" --quarter "$QUARTER" --reissue "$REISSUE"
  else
    qd compute --data "data/$QUARTER" --quarter "$QUARTER"
  fi
elif [ -d "reports/$QUARTER" ]; then
  echo "== $QUARTER: no export in data/$QUARTER; publishing the archive in reports/ as committed"
else
  echo "error: $QUARTER is neither in data/ (an export to compute) nor in reports/ (an issued snapshot)." >&2
  exit 1
fi

echo "== building the site"
qd build
echo "== printing the PDF of every quarter (each quarter page links its own)"
for q in $(ls reports | grep -E '^[0-9]{4}-Q[1-4]$'); do qd pdf --quarter "$q"; done
if [ -n "${QUARTERDECK_PASSPHRASE:-}" ]; then
  echo "== encrypting the site"
  qd encrypt --site dist
else
  echo "== not encrypting: no QUARTERDECK_PASSPHRASE; the site will be readable by anyone with its address"
fi
if [ -n "${GITHUB_ENV:-}" ]; then echo "QUARTER=$QUARTER" >> "$GITHUB_ENV"; fi
