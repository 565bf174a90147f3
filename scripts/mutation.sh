#!/usr/bin/env bash
# Mutation testing (development only; not part of CI): mutmut over one core module at a time, each with
# only the tests that pin it, in a scratch copy of the repository (mutmut writes ./mutants there).
#
#   pip install -e '.[test,mutation]'
#   scripts/mutation.sh                  # every module below, one after another
#   scripts/mutation.sh intervals        # one module
#   scripts/mutation.sh claims 'dgcli.check.claims.x__trend__mutmut_*'   # one module, some mutants (fnmatch)
#
# Prints mutmut's summary per module and leaves the survivors' list in $OUT/<module>.survivors
# (look at one with: cd $WORK/<module> && mutmut show <name>). docs/mutation.md has the last scores.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${MUTATION_WORK:-/tmp/dgcli-mutation}"
OUT="${MUTATION_OUT:-$WORK/results}"
CHILDREN="${MUTATION_CHILDREN:-2}"
mkdir -p "$WORK" "$OUT"

tests_for() {
  case "$1" in
    intervals) echo '"tests/test_intervals.py", "tests/test_claims.py", "tests/test_mutation_pins.py"' ;;
    numbers) echo '"tests/test_numbers.py", "tests/test_mutation_pins.py"' ;;
    periods) echo '"tests/test_periods.py", "tests/test_mutation_pins.py"' ;;
    # the checks' words reach users through every renderer: their tests pin the reasons and summary line
    claims) echo '"tests/test_claims.py", "tests/test_timing.py", "tests/test_words.py", "tests/test_mutation_pins.py",
      "tests/test_claims_verdicts.py", "tests/test_claims_trends.py", "tests/test_claims_verify.py", "tests/test_time_attack.py",
      "tests/test_render.py", "tests/test_sarif.py", "tests/test_junit.py", "tests/test_cli.py", "tests/test_diff.py"' ;;
    *) echo "unknown module $1 (intervals, numbers, periods, claims)" >&2; exit 2 ;;
  esac
}

path_for() {
  case "$1" in
    intervals | numbers | periods) echo "src/dgcli/text/$1.py" ;;
    claims) echo "src/dgcli/check/claims.py" ;;
  esac
}

run_one() {
  local module="$1" dir="$WORK/$1"
  shift
  local only=("$@")  # mutant names or fnmatch patterns; none: every mutant of the module
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r "$ROOT/src" "$ROOT/tests" "$ROOT/schema" "$ROOT/benchmarks" "$ROOT/indicators.yaml" "$ROOT/README.md" \
    "$ROOT/pyproject.toml" "$dir/"
  cat >> "$dir/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["src/"]
only_mutate = ["$(path_for "$module")"]
also_copy = ["indicators.yaml", "schema/", "benchmarks/", "README.md"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "-x"]
pytest_add_cli_args_test_selection = [$(tests_for "$module")]
TOML
  (cd "$dir" && mutmut run --max-children "$CHILDREN" "${only[@]}" > "$OUT/$module.log" 2>&1 || true)
  (cd "$dir" && mutmut results --all true > "$OUT/$module.results" 2>&1 || true)
  local killed survived total
  killed=$(grep -c ': killed' "$OUT/$module.results" || true)
  survived=$(grep -c ': survived' "$OUT/$module.results" || true)
  total=$(grep -c ': ' "$OUT/$module.results" || true)
  grep ': survived' "$OUT/$module.results" > "$OUT/$module.survivors" || true
  echo "$module: $killed killed, $survived survived, $total mutants"
}

if [ $# -ge 2 ]; then
  run_one "$@"
  exit
fi
for module in "${@:-intervals numbers periods claims}"; do
  for each in $module; do run_one "$each"; done
done
