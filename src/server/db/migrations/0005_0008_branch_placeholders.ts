import type { Migration } from './migration'

/**
 * Stand-ins for versions 5 to 8, which other branches add, so that this branch's version 9 runs on
 * its own. Drop this file (and its line in index.ts) when the real migrations are merged.
 */
export const branchPlaceholderMigrations: Migration[] = [5, 6, 7, 8].map((version) => ({
  version,
  name: `placeholder_${version}`,
  async up() {}
}))
