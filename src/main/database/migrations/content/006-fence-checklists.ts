import type { Migration } from '../../migrator';

export const m006: Migration = {
  version: 6,
  why:
    'Checklist items written inside code fences (`- [ ]` lines under YAML keys) keep their group as a sub-heading; ' +
    'every file is re-parsed on the next import so those items appear.',
  up(db) {
    db.exec(`
      ALTER TABLE checklist_items ADD COLUMN group_name TEXT;
      -- An empty SHA never matches a file's, so the next import re-parses every file.
      UPDATE files SET blob_sha = '';
    `);
  },
};
