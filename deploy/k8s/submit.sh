#!/usr/bin/env bash
# spark-submit of a PixelPlayer verb to Kubernetes (cluster mode), executors on GPUs.
#   K8S_API=https://host:6443 IMAGE=registry/pixelplayer:0.1.0 deploy/k8s/submit.sh nightly \
#     --input s3a://bucket/videos --warehouse s3a://bucket/wh --model s3a://bucket/model
# Environment: K8S_API, IMAGE (required), NAMESPACE (default), SERVICE_ACCOUNT (spark), EXECUTORS (2).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${K8S_API:?set K8S_API to the Kubernetes API server URL}" "${IMAGE:?set IMAGE to the image of deploy/k8s/Dockerfile}"
FLAGS="$(grep -v '^#' "$HERE/../../conf/jvm.options" | tr '\n' ' ') -Dai.djl.offline=true"
exec spark-submit \
  --master "k8s://$K8S_API" --deploy-mode cluster --name pixelplayer-"$1" \
  --class io.pixelplayer.jobs.cli.PixelPlayerCli \
  --conf spark.kubernetes.namespace="${NAMESPACE:-default}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}" \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.driver.podTemplateFile="$HERE/driver-pod-template.yaml" \
  --conf spark.kubernetes.executor.podTemplateFile="$HERE/executor-pod-template.yaml" \
  --conf spark.executor.instances="${EXECUTORS:-2}" \
  --conf spark.executor.resource.gpu.amount=1 \
  --conf spark.task.resource.gpu.amount=1 \
  --conf spark.executor.resource.gpu.discoveryScript=/opt/pixelplayer/gpu-discovery.sh \
  --conf spark.executor.resource.gpu.vendor=nvidia.com \
  --conf "spark.driver.extraJavaOptions=$FLAGS" --conf "spark.executor.extraJavaOptions=$FLAGS" \
  local:///opt/pixelplayer/pixelplayer-jobs-spark.jar \
  "$@" --conf pixelplayer.device=gpu
