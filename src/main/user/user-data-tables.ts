/**
 * Every user.db table that travels in a user-data backup, with its columns, parents
 * before children (import inserts in this order). A feature that adds a table to user.db
 * adds it here, and the backup carries it.
 */
export const USER_DATA_TABLES: readonly { name: string; columns: readonly string[] }[] = [
  { name: 'bookmarks', columns: ['page_id', 'anchor', 'title', 'created_at'] },
  { name: 'history', columns: ['id', 'page_id', 'title', 'visited_at'] },
  { name: 'reading_state', columns: ['page_id', 'read', 'scroll_ratio', 'updated_at'] },
  { name: 'settings', columns: ['key', 'value'] },
  {
    name: 'progress_runs',
    columns: ['id', 'page_id', 'name', 'archived', 'deleted_at', 'created_at', 'updated_at'],
  },
  {
    name: 'progress_items',
    columns: ['run_id', 'item_key', 'state', 'note', 'item_text', 'section_slug', 'match_kind', 'updated_at'],
  },
  {
    name: 'report_drafts',
    columns: [
      'id',
      'template_id',
      'template_version',
      'page_id',
      'name',
      'values_json',
      'created_at',
      'updated_at',
    ],
  },
];
