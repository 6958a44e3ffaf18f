#!/usr/bin/env bash
# rollcall on an existing Spark standalone cluster (Spark 4.1, Scala 2.13, Java 17+).
# Client mode: the driver runs here, so the configuration, the snapshots, the output folder and
# the embedded state store stay on this machine; the executors do the detection (the driver
# ties the accounts to people).
# Usage: SPARK_MASTER=spark://spark-master.internal:7077 infra/spark/submit-standalone.sh
set -euo pipefail
jar="${ROLLCALL_JAR:-/opt/rollcall/rollcall.jar}"
config="${ROLLCALL_CONFIG:-/etc/rollcall/rollcall.yaml}"
out="${ROLLCALL_OUT:-/var/lib/rollcall/out}"

exec "${SPARK_HOME:?set SPARK_HOME to the Spark installation}/bin/spark-submit" \
  --master "${SPARK_MASTER:?set SPARK_MASTER, e.g. spark://spark-master.internal:7077}" \
  --deploy-mode client \
  --name rollcall \
  --class dev.rollcall.jobs.cli.RollcallCommand \
  --driver-memory 2g \
  --executor-memory 2g \
  --total-executor-cores 8 \
  --conf spark.sql.shuffle.partitions=64 \
  "$jar" run --config "$config" --out "$out"
