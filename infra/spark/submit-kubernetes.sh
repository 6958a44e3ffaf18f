#!/usr/bin/env bash
# rollcall on Spark's own Kubernetes scheduler (Spark 4.1, Scala 2.13): the driver and the
# executors are pods. Cluster mode: the driver pod reads rollcall.yaml from the ConfigMap and
# writes the output to the PersistentVolumeClaim of infra/kubernetes/, through the pod template
# beside this script; the secrets come from the Secret rollcall-secrets.
# The image is Spark's own with the jar added (infra/spark/Dockerfile):
#   docker build -f infra/spark/Dockerfile -t registry.example.com/rollcall-spark:0.1.0 jobs/target
# Usage: K8S_API=https://kubernetes.example.com:6443 infra/spark/submit-kubernetes.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="${ROLLCALL_SPARK_IMAGE:-registry.example.com/rollcall-spark:0.1.0}"

exec "${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 installation}/bin/spark-submit" \
  --master "k8s://${K8S_API:?set K8S_API to the Kubernetes API server URL}" \
  --deploy-mode cluster \
  --name rollcall \
  --class dev.rollcall.jobs.cli.RollcallCommand \
  --driver-memory 2g \
  --executor-memory 2g \
  --conf spark.executor.instances=4 \
  --conf spark.kubernetes.namespace=rollcall \
  --conf spark.kubernetes.container.image="$image" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=rollcall-spark \
  --conf spark.kubernetes.driver.podTemplateFile="$here/kubernetes-driver-pod.yaml" \
  --conf spark.kubernetes.driver.secrets.rollcall-google-key=/var/run/secrets/rollcall \
  --conf spark.kubernetes.driverEnv.ROLLCALL_GOOGLE_KEY_FILE=/var/run/secrets/rollcall/google-key.json \
  --conf spark.sql.shuffle.partitions=64 \
  local:///opt/rollcall/rollcall.jar run --config /etc/rollcall/rollcall.yaml --out /var/lib/rollcall/out
