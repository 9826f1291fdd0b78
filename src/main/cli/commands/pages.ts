import { ContentService } from '../../content/content-service';
import type { Command } from '../command';
import { pickFields, withContentDb } from '../read-content';

export const pagesCommand: Command = {
  name: 'pages',
  summary: 'List every page of a content database.',
  usage: 'dstudio pages --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const pages = await withContentDb(values, (db) => new ContentService(db).listPages());
    if (values.json) {
      io.out(JSON.stringify(pickFields(pages, ['id', 'title', 'tier', 'type', 'category', 'status'])));
    } else {
      for (const p of pages) io.out(`${p.id}\t${p.tier ?? '-'}\t${p.title}`);
      io.out(`${pages.length} pages`);
    }
    return 0;
  },
};
