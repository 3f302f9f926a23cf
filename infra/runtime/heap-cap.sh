#!/bin/sh
# AWS_LAMBDA_EXEC_WRAPPER of the precis functions: Lambda starts the runtime through this script, passing
# the interpreter and the runtime's own arguments. The Node.js runtime sets the V8 heap on its command line
# (old space 90% of the memory size, semi-spaces 5% each), which NODE_OPTIONS cannot lower: command-line
# flags win. This starts the same command with PRECIS_MAX_OLD_SPACE_MB and PRECIS_MAX_SEMI_SPACE_MB in
# place of the runtime's heap flags and every other argument as it was. Unset, the command runs unchanged.
# It also adds the V8 flags of PRECIS_V8_FLAGS (space-separated; infra/function-sizing.ts says which and why).
interpreter="$1"
shift
# Split on spaces on purpose: one argument per flag.
# shellcheck disable=SC2086
set -- ${PRECIS_V8_FLAGS:-} "$@"
if [ -z "${PRECIS_MAX_OLD_SPACE_MB:-}" ] || [ -z "${PRECIS_MAX_SEMI_SPACE_MB:-}" ]; then
  exec "$interpreter" "$@"
fi
for argument in "$@"; do
  shift
  case "$argument" in
    --max-old-space-size=* | --max_old_space_size=* | --max-semi-space-size=* | --max_semi_space_size=*) ;;
    *) set -- "$@" "$argument" ;;
  esac
done
exec "$interpreter" "--max-old-space-size=$PRECIS_MAX_OLD_SPACE_MB" \
  "--max-semi-space-size=$PRECIS_MAX_SEMI_SPACE_MB" "$@"
