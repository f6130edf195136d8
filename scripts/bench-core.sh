#!/bin/sh
# Runs the identity-core JMH benchmarks (raw signature primitives, the three credential formats and the
# Data Integrity steps) in ONE JMH invocation, so every ratio is computed against primitives measured in
# the same run, and prints the Markdown tables of BENCHMARKS.md.
#
#   scripts/bench-core.sh                          # the run recorded in BENCHMARKS.md
#   scripts/bench-core.sh -wi 1 -w 1 -i 2 -r 1     # arguments replace the default iteration options
#
# JMH's JSON result: identity-service/core/target/jmh-result.json. Add -o to MAVEN_ARGS to run offline.
set -eu
cd "$(dirname "$0")/.."
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -srm), $(nproc) CPU(s); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q ${MAVEN_ARGS:-} -Pbench -pl identity-service/core -am verify -DskipTests \
  -Djmh.args="SignaturePrimitivesBenchmark|CredentialFormatsBenchmark|DataIntegrityStepsBenchmark -f 1 -t 1 -tu s -bm thrpt ${*:--wi 4 -w 2 -i 5 -r 2}"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
