import { EvolutionService } from '../../evolution/evolution-service';
import type { Command } from '../command';
import { pickFields, withContentDb } from '../read-content';

/** The fields of `--json`, as the README documents them. */
const JSON_FIELDS = [
  'id',
  'title',
  'tier',
  'type',
  'category',
  'year',
  'month',
  'field',
  'source',
  'conflict',
] as const;

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'List every timeline fact (year, page, tier, source field) and flag conflicting origin years.',
  usage: 'dstudio timeline --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const items = await withContentDb(values, (db) => new EvolutionService(db).getTimeline());
    if (values.json) {
      io.out(JSON.stringify(pickFields(items, JSON_FIELDS)));
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
  },
};
