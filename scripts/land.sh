#!/usr/bin/env bash
# Lands this worktree's branch on `main` (checked out at the main worktree) as a fast-forward:
# rebase on main, rebuild bundles, typecheck + lint, then `merge --ff-only`. Run your tests first.
# Conflicts in dist/ resolve themselves (merge driver keeps one side; the rebuild fixes it); a
# conflict anywhere else stops the script: resolve it, `git rebase --continue`, run again.
set -euo pipefail
# Run from a copy: the rebase below rewrites this very file, and bash reads scripts as it goes.
if [ -z "${LAND_COPY:-}" ]; then
  copy=$(mktemp); cp "$0" "$copy"; LAND_COPY=1 exec bash "$copy" "$@"
fi
# One landing at a time across all worktrees: rebuilding bundles takes a while, and without the
# lock every helper's rebase goes stale while it builds.
exec 9>"$(git rev-parse --git-common-dir)/land.lock"
echo "land.sh: waiting for the landing lock" >&2
flock 9
branch=$(git branch --show-current)
[ "$branch" != main ] || { echo "land.sh: run it from your own branch's worktree" >&2; exit 1; }
main_wt=$(git worktree list --porcelain | awk '/^worktree /{wt=$2} /^branch refs\/heads\/main$/{print wt}')
git config merge.modelci-dist.driver true
[ -z "$(git status --porcelain)" ] || { echo "land.sh: commit or stash your changes first" >&2; git status --short >&2; exit 1; }
# Bundles are split into chunk files (<id>.index.js) whose names change with their contents, so a
# rebase can stop on a chunk one side deleted and the other changed. Every file under dist/ is
# rebuilt below: such a conflict takes main's side; a conflict anywhere else stops as before.
rebase_on_main() {
  git rebase main && return 0
  while [ -d "$(git rev-parse --git-path rebase-merge)" ] || [ -d "$(git rev-parse --git-path rebase-apply)" ]; do
    conflicted=$(git diff --name-only --diff-filter=U)
    if [ -z "$conflicted" ] || printf '%s\n' "$conflicted" | grep -qvE '^(dist|actions/[^/]+/dist)/'; then
      echo "land.sh: rebase stopped outside dist/: resolve it, git rebase --continue, run again" >&2
      return 1
    fi
    for f in $conflicted; do
      if git cat-file -e ":2:$f" 2>/dev/null; then git checkout --ours -- "$f" && git add -- "$f"; else git rm -q -- "$f"; fi
    done
    if git diff --cached --quiet; then git rebase --skip || true; else GIT_EDITOR=true git rebase --continue || true; fi
  done
}
for attempt in 1 2 3 4 5 6; do
  rebase_on_main || exit 1
  if ! git diff --quiet HEAD@{1} HEAD -- package-lock.json 2>/dev/null; then npm install --no-audit --no-fund >/dev/null; fi
  # Schema file and precompiled validators first: the bundles below include the validators.
  UPDATE_SCHEMA=1 npx vitest run test/unit/config/schema-file.test.ts >/dev/null
  # Each command's action.yml and docs/cli.md come from the option specs (src/spec/commands/).
  UPDATE_SPECS=1 npx vitest run test/unit/spec/generated.test.ts >/dev/null
  npm run --silent build >/dev/null
  node scripts/action-docs.mjs >/dev/null
  npx prettier --write . >/dev/null
  git add -A
  git commit -qm "Rebuild bundles and schema after rebase on main" || true
  npm run --silent typecheck
  npm run --silent lint >/dev/null || { npm run lint; exit 1; }
  if git -C "$main_wt" merge --ff-only -q "$branch"; then
    echo "land.sh: landed $branch at $(git rev-parse --short HEAD) on main"
    exit 0
  fi
  echo "land.sh: main moved meanwhile; retrying ($attempt)" >&2
  sleep $((attempt * 3))
done
echo "land.sh: could not land after 6 attempts" >&2
exit 1
