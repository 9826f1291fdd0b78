import { resolve } from 'node:path';
import { ContentService } from '../../content/content-service';
import { openContentDb } from '../../database/connection';
import { requireString, type Command } from '../command';

export const pagesCommand: Command = {
  name: 'pages',
  summary: 'List every page of a content database.',
  usage: 'dstudio pages --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const db = openContentDb(resolve(requireString(values, 'db')), { readonly: true });
    try {
      const pages = await new ContentService(db).listPages();
      if (values.json) {
        io.out(
          JSON.stringify(
            pages.map(({ id, title, tier, type, category, status }) => ({
              id,
              title,
              tier,
              type,
              category,
              status,
            })),
          ),
        );
      } else {
        for (const p of pages) io.out(`${p.id}\t${p.tier ?? '-'}\t${p.title}`);
        io.out(`${pages.length} pages`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
