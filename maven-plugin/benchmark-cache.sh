#!/usr/bin/env bash
# Benchmark of the plugin's incremental-scan cache: a first build of a project holding the JDK's java.base
# sources (about 3,100 files, 54 MB), then a second build of the unchanged project, three rounds. Prints
# the scan time the plugin logs for each build and the ratio second/first.
# Needs the JDK's src.zip (Debian: openjdk-17-source). Installs the plugin only into
# maven-plugin/target/it-repo (the integration tests' local repository), never into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src_zip="${SRC_ZIP:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")/lib/src.zip}"
[ -f "$src_zip" ] || { echo "no JDK src.zip at $src_zip (set SRC_ZIP)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B -pl maven-plugin -am verify -DskipTests -Dinvoker.test=skip)
mkdir -p "$work/src/main/java"
unzip -q "$src_zip" 'java.base/*' -d "$work/src/main/java"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>jdk-base</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.hushlint</groupId>
        <artifactId>hushlint-maven-plugin</artifactId>
        <version>$version</version>
        <configuration><failOn>none</failOn></configuration>
        <executions><execution><goals><goal>check</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
mvn_bench() {
  (cd "$work" && mvn -B -o -s "$root/maven-plugin/target/it/interpolated-settings.xml" \
      -Dmaven.repo.local="$root/maven-plugin/target/it-repo" verify) | grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+'
}
echo "files: $(find "$work/src" -type f | wc -l)"
for round in 1 2 3; do
  rm -rf "$work/target"
  first=$(mvn_bench); second=$(mvn_bench)
  echo "round $round: first build $first ms, second (unchanged) $second ms: $((100 * second / first)) %"
done
