#!/usr/bin/env bash
# EMR bootstrap action: on every node, the JVM flags the jobs need, where spark-submit finds them
# (/opt/pixelplayer/jvm.options). The shaded jar and the model stay on S3 (the step names them).
#   --bootstrap-actions Path=s3://BUCKET/pixelplayer/bootstrap.sh,Args=[s3://BUCKET/pixelplayer]
set -euo pipefail
SOURCE="${1:?usage: bootstrap.sh s3://BUCKET/PREFIX (where jvm.options was uploaded)}"
sudo mkdir -p /opt/pixelplayer
aws s3 cp "$SOURCE/jvm.options" /tmp/pixelplayer-jvm.options
sudo install -m 644 /tmp/pixelplayer-jvm.options /opt/pixelplayer/jvm.options
