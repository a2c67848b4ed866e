// Loads the reference vectors: the in-repo copy (tests/vectors) first, else shared/ beside the repo.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const localVectorsDir = path.join(repoRoot, 'tests/vectors');

/** shared/ sits beside the clone (../shared); worktrees under /work/wt also look two levels up. */
export function sharedVectorsDir(): string | undefined {
  const candidates = [path.resolve(repoRoot, '../shared/reference/vectors'), path.resolve(repoRoot, '../../shared/reference/vectors')];
  return candidates.find((dir) => existsSync(dir));
}

export function loadVector<T = unknown>(file: string): T {
  const local = path.join(localVectorsDir, file);
  if (existsSync(local)) return JSON.parse(readFileSync(local, 'utf8')) as T;
  const shared = sharedVectorsDir();
  if (shared && existsSync(path.join(shared, file))) return JSON.parse(readFileSync(path.join(shared, file), 'utf8')) as T;
  throw new Error(
    `Vector file ${file} not found: expected ${local} or ${path.resolve(repoRoot, '../shared/reference/vectors', file)} (clone shared/ beside the repo)`,
  );
}
