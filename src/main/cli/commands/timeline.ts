import { resolve } from 'node:path';
import { openContentDb } from '../../database/connection';
import { EvolutionService } from '../../evolution/evolution-service';
import { requireString, type Command } from '../command';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'List every timeline fact (year, page, tier, source field) and flag conflicting origin years.',
  usage: 'dstudio timeline --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const db = openContentDb(resolve(requireString(values, 'db')), { readonly: true });
    try {
      const items = await new EvolutionService(db).getTimeline();
      if (values.json) {
        io.out(
          JSON.stringify(
            items.map(({ id, title, tier, type, category, year, month, field, source, conflict }) => ({
              id,
              title,
              tier,
              type,
              category,
              year,
              month,
              field,
              source,
              conflict,
            })),
          ),
        );
      } else {
        for (const i of items)
          io.out(
            `${i.year}${i.month ? `-${String(i.month).padStart(2, '0')}` : ''}\t${i.tier ?? '-'}\t${i.id}\t${i.source}${i.conflict ? `\tCONFLICT: ${i.conflictWith.join('; ')}` : ''}`,
          );
        io.out(
          `${items.length} facts, ${new Set(items.map((i) => i.id)).size} pages, ${items.filter((i) => i.conflict).length} in conflict`,
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
