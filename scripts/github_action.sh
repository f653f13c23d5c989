#!/usr/bin/env bash
# The GitHub Action's step (action.yml): migrate in check or write mode with annotations on
# stdout and the Markdown summary appended to $GITHUB_STEP_SUMMARY; optionally verify.
# Inputs come as INPUT_* variables; the exit code is written to $GITHUB_OUTPUT.
set -uo pipefail

python="${INPUT_PYTHON:-python3}"
mode="${INPUT_MODE:-check}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
read -r -a paths <<< "${INPUT_PATH:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"

args=(migrate "${paths[@]}" --output-format github --summary-file "$summary" --quiet)
verify="${INPUT_VERIFY:-false}"
case "$mode" in
  check) args+=(--check) ;;
  # Verify before writing: the tree is written only if every outcome is the same.
  write) if [ "$verify" = "true" ]; then args+=(--verify); verify=done; fi ;;
  *) echo "::error title=migrate-fixtures::mode must be check or write, not '$mode'"; exit 2 ;;
esac
if [ "${INPUT_FAIL_ON_REFUSAL:-false}" = "true" ]; then args+=(--strict); fi

"$python" -m migrator "${args[@]}" "${extra[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"

status=0
if [ "$code" -ge 2 ]; then
  status=$code
elif [ "$code" -eq 1 ]; then
  # 1 means "would change" (check) or "refused" (--strict): fail only when asked to.
  if [ "$mode" = "check" ] && [ "${INPUT_FAIL_ON_CHANGE:-false}" = "true" ]; then status=1; fi
  if [ "${INPUT_FAIL_ON_REFUSAL:-false}" = "true" ]; then status=1; fi
fi

if [ "$verify" = "true" ]; then
  "$python" -m migrator verify "${paths[0]}" --output-format markdown --quiet >> "$summary"
  verify_code=$?
  if [ "$verify_code" -ne 0 ]; then
    echo "::error title=migrate-fixtures verify::outcomes differ after migration (see the job summary)"
    status=$verify_code
  fi
fi
exit "$status"
