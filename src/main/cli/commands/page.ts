import { ContentService } from '../../content/content-service';
import { checkContractArgs, UsageError, type Command } from '../command';
import { withContentDb } from '../read-content';

export const pageCommand: Command = {
  name: 'page',
  summary: 'Show pages (rendered HTML, headings, warnings) by id; aliases resolve to their target.',
  usage: 'dstudio page --db FILE [--json] ID [ID…]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, ids, io) {
    if (ids.length === 0) throw new UsageError('give at least one page id');
    checkContractArgs('content', 'getPages', [ids], ([, n]) =>
      n === undefined ? 'page ids' : `page id ${JSON.stringify(ids[Number(n)])}`,
    );
    const pages = await withContentDb(values, (db) => new ContentService(db).getPages(ids));
    if (values.json) {
      io.out(JSON.stringify(pages));
    } else {
      for (const p of pages) {
        io.out(
          `# ${p.title} (${p.id})\n${p.tier ?? 'no tier'} · ${p.type ?? 'no type'} · ${p.readingMinutes} min`,
        );
        for (const h of p.headings) io.out(`${'  '.repeat(h.level - 1)}- ${h.text} #${h.id}`);
        for (const w of p.warnings) io.out(`  warning [${w.kind}] ${w.message}`);
      }
    }
    const missing = ids.length - pages.length;
    if (missing > 0) io.err(`${missing} of ${ids.length} ids not found`);
    return pages.length > 0 ? 0 : 1;
  },
};
