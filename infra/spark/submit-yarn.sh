#!/usr/bin/env bash
# rollcall on an existing YARN cluster (Spark 4.1 built for Scala 2.13, Java 17+), from an edge
# node with HADOOP_CONF_DIR pointing at the cluster. Client mode: the driver runs on this node,
# so the configuration, the snapshots, the output folder and the embedded state store stay here;
# the executors in YARN containers do the detection (the driver ties the accounts to people).
# Usage: HADOOP_CONF_DIR=/etc/hadoop/conf infra/spark/submit-yarn.sh
set -euo pipefail
jar="${ROLLCALL_JAR:-/opt/rollcall/rollcall.jar}"
config="${ROLLCALL_CONFIG:-/etc/rollcall/rollcall.yaml}"
out="${ROLLCALL_OUT:-/var/lib/rollcall/out}"
: "${HADOOP_CONF_DIR:?set HADOOP_CONF_DIR to the cluster client configuration}"

exec "${SPARK_HOME:?set SPARK_HOME to the Spark installation}/bin/spark-submit" \
  --master yarn \
  --deploy-mode client \
  --queue "${YARN_QUEUE:-default}" \
  --name rollcall \
  --class dev.rollcall.jobs.cli.RollcallCommand \
  --driver-memory 2g \
  --num-executors 4 \
  --executor-cores 2 \
  --executor-memory 2g \
  --conf spark.sql.shuffle.partitions=64 \
  "$jar" run --config "$config" --out "$out"
