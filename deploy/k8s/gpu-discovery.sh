#!/usr/bin/env bash
# Spark's GPU discovery script (spark.executor.resource.gpu.discoveryScript): the GPUs this executor's container sees,
# as the JSON Spark reads ({"name": "gpu", "addresses": ["0", "1"]}); none when nvidia-smi finds none.
set -euo pipefail
ids="$(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null | tr -d ' ' | paste -sd, - || true)"
addresses=""
[ -n "$ids" ] && addresses="\"${ids//,/\",\"}\""
echo "{\"name\": \"gpu\", \"addresses\": [$addresses]}"
