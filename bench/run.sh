#!/usr/bin/env bash
# hushlint benchmark: hushlint against peers on the same files, in the same run.
#
#   bench/run.sh            everything (secretlint's one-process run over java.base takes ~4-5 minutes)
#   bench/run.sh --quick    skips secretlint's one-process run (keeps its 300-file batches)
#
# Corpora, prepared here: the JDK sources from Debian's openjdk-17-source (java.base, and the whole tree),
# and a synthetic serverless monorepo with seeded secrets (bench/gen_monorepo.py). Peers: secretlint 12.0.0
# with its recommended preset (the last release that runs on Node 20), installed into a cache directory,
# and a plain `grep -E` with a handful of token regexes as the I/O floor. Each run is measured with
# /usr/bin/time -v (wall, CPU, peak RSS). No result cache is used.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${HUSHLINT_BENCH_DIR:-${TMPDIR:-/tmp}/hushlint-bench}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/hushlint-bench"
quick=0
[ "${1:-}" = "--quick" ] && quick=1
mkdir -p "$work" "$cache"
hushlint="$root/hushlint"

say() { printf '\n== %s\n' "$*" >&2; }

# --- corpora -------------------------------------------------------------------------------
src_zip=/usr/lib/jvm/openjdk-17/lib/src.zip
if [ ! -f "$src_zip" ]; then
  say "installing Debian's openjdk-17-source"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-source >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-source >/dev/null
  fi
fi
jdk="$work/jdk"
if [ ! -d "$jdk/java.base" ]; then
  say "unpacking the JDK sources into $jdk"
  rm -rf "$jdk" && mkdir -p "$jdk" && (cd "$jdk" && unzip -q "$src_zip")
fi
mono="$work/monorepo"
if [ ! -f "$mono/expected.tsv" ]; then
  say "generating the synthetic serverless monorepo"
  python3 "$root/bench/gen_monorepo.py" "$mono" --services 400 >&2
fi
tenfiles="$work/ten-files"
if [ ! -d "$tenfiles" ]; then
  mkdir -p "$tenfiles"
  find "$mono/repo/services/svc000" -type f | head -10 | xargs -I{} cp {} "$tenfiles/"
fi

# --- tools ---------------------------------------------------------------------------------
if [ ! -f "$root/cli/target/hushlint.jar" ]; then
  say "building hushlint"
  (cd "$root" && mvn -q -B -DskipTests -Dinvoker.skip=true package -pl cli -am >&2)
fi
secretlint="$cache/secretlint/node_modules/.bin/secretlint"
if [ ! -x "$secretlint" ]; then
  say "installing secretlint 12.0.0 into $cache/secretlint"
  mkdir -p "$cache/secretlint"
  (cd "$cache/secretlint" && npm init -y >/dev/null 2>&1 && npm i --no-audit --no-fund -E \
      secretlint@12.0.0 @secretlint/secretlint-rule-preset-recommend@12.0.0 >/dev/null 2>&1)
  printf '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}\n' > "$cache/secretlint/.secretlintrc.json"
fi

# --- measuring -----------------------------------------------------------------------------
results="$work/results.tsv"
printf 'run\twall_s\tcpu_s\tpeak_rss_mb\tlines\tnote\n' > "$results"

# measure NAME LINES NOTE -- COMMAND...: runs COMMAND under /usr/bin/time -v, records wall, CPU, RSS
measure() {
  local name=$1 lines=$2 note=$3; shift 4
  local t="$work/time.$$"
  say "$name"
  /usr/bin/time -v -o "$t" "$@" > "$work/$name.out" 2> "$work/$name.err" || true
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$t")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$t")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$t")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rss" "$lines" "$note" >> "$results"
  rm -f "$t"
}

lines_of() { find "$1" -type f -print0 | xargs -0 cat | wc -l; }
jb_lines=$(lines_of "$jdk/java.base")
all_lines=$(lines_of "$jdk")
mono_lines=$(lines_of "$mono/repo")

grep_floor() {
  grep -rIhoE 'AKIA[A-Z2-7]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[bp]-[0-9A-Za-z-]{20,}|sk_live_[A-Za-z0-9]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----' "$1" | wc -l
}
export -f grep_floor

measure grep-java.base "$jb_lines" "grep -E, 5 token regexes (I/O floor)" -- bash -c "grep_floor '$jdk/java.base'"
measure hushlint-java.base "$jb_lines" "all rules" -- "$hushlint" scan "$jdk/java.base" --format json --fail-on none -q
measure hushlint-jdk "$all_lines" "whole JDK tree" -- "$hushlint" scan "$jdk" --format json --fail-on none -q
measure hushlint-jdk-xmx384m "$all_lines" "whole JDK tree, JAVA_OPTS=-Xmx384m" -- env JAVA_OPTS=-Xmx384m "$hushlint" scan "$jdk" --format json --fail-on none -q
measure hushlint-threads1 "$jb_lines" "java.base, --threads 1 (results must be identical)" -- "$hushlint" scan "$jdk/java.base" --format json --fail-on none -q --threads 1
measure hushlint-monorepo "$mono_lines" "synthetic monorepo, SARIF" -- "$hushlint" scan "$mono/repo" --base-dir "$mono/repo" --format sarif --fail-on none -q
measure hushlint-ten-files "$(lines_of "$tenfiles")" "10-file project (JVM start included)" -- "$hushlint" scan "$tenfiles" --fail-on none -q

# secretlint: best mode (300 files per process), then the normal one-process run
(cd "$jdk/java.base" && find . -type f > "$work/jb-files.txt")
batched() {
  cd "$1" && xargs -a "$2" -n 300 "$3" --secretlintrc "$4" --format json > /dev/null 2>&1 || true
}
export -f batched
measure secretlint-batched-java.base "$jb_lines" "secretlint 12, 300 files per process" -- \
  bash -c "batched '$jdk/java.base' '$work/jb-files.txt' '$secretlint' '$cache/secretlint/.secretlintrc.json'"
if [ $quick = 0 ]; then
  measure secretlint-java.base "$jb_lines" "secretlint 12, one process" -- \
    bash -c "cd '$jdk/java.base' && '$secretlint' '**/*' --secretlintrc '$cache/secretlint/.secretlintrc.json' --format json > /dev/null 2>&1 || true"
fi

# --- accuracy ------------------------------------------------------------------------------
count_json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["summary"]["bySeverity"]; print(d["summary"]["findings"], s["critical"]+s["high"])' "$1"; }
read -r jb_findings jb_high < <(count_json "$work/hushlint-java.base.out")
read -r jdk_findings jdk_high < <(count_json "$work/hushlint-jdk.out")
cmp -s "$work/hushlint-java.base.out" "$work/hushlint-threads1.out" && same=yes || same=NO
# the peers' scorer lives beside the repository (HUSHLINT_SCORE_PY names it from elsewhere, e.g. a worktree)
score_py="${HUSHLINT_SCORE_PY:-$root/../shared/eval/score.py}"
mono_score=$(cd "$mono/repo" && python3 "$score_py" "$work/hushlint-monorepo.out" "$mono/expected.tsv" 2>/dev/null | tail -n 1 || echo "score.py not available")

# --- table ---------------------------------------------------------------------------------
python3 - "$results" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {r["run"]: r for r in rows}
floor = float(by["grep-java.base"]["wall_s"])
print()
print(f'{"run":32} {"wall s":>8} {"cpu s":>8} {"RSS MB":>7} {"lines/s":>10} {"x grep":>7}  note')
for r in rows:
    wall = float(r["wall_s"]); lines = int(r["lines"])
    print(f'{r["run"]:32} {wall:8.2f} {float(r["cpu_s"]):8.2f} {int(r["peak_rss_mb"]):7d} {lines / max(wall, 0.01):10.0f} {wall / max(floor, 0.01):7.1f}  {r["note"]}')
hl = float(by["hushlint-java.base"]["wall_s"])
for peer in ("secretlint-batched-java.base", "secretlint-java.base"):
    if peer in by:
        print(f'hushlint is {float(by[peer]["wall_s"]) / hl:.1f}x faster than {peer} on java.base')
PY
echo
echo "hushlint findings on java.base: $jb_findings ($jb_high at high or above) — every one a false alarm"
echo "hushlint findings on the whole JDK: $jdk_findings ($jdk_high at high or above)"
echo "identical output with --threads 1: $same"
echo "synthetic monorepo: $mono_score"
echo "raw figures: $results"
