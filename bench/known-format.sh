#!/usr/bin/env bash
# Times rule secret/known-format alone over a source tree (default: the JDK's java.base from Debian's
# openjdk-17-source) and lists its findings (location and pattern id only; values are never printed).
#   apt-get install -y openjdk-17-source
#   mkdir -p /tmp/jdk17 && unzip -q -o /usr/lib/jvm/openjdk-17/lib/src.zip 'java.base/*' -d /tmp/jdk17
#   bench/known-format.sh [/tmp/jdk17/java.base] [runs] [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl rules -am test-compile
exec java ${JAVA_OPTS:-} -cp engine/target/classes:rules/target/classes:rules/target/test-classes \
    dev.hushlint.rules.secret.KnownFormatBenchmark "${1:-/tmp/jdk17/java.base}" "${2:-3}" "${3:-2}"
