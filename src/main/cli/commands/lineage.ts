import { EvolutionService } from '../../evolution/evolution-service';
import { checkContractArgs, type Command } from '../command';
import { pickFields, withContentDb } from '../read-content';

export const lineageCommand: Command = {
  name: 'lineage',
  summary:
    'Print the lineage graph (replaced-by, moved-to, used-by, builds-on), whole or around the given pages.',
  usage: 'dstudio lineage --db FILE [--json] [--depth N] [ID…]',
  options: { db: { type: 'string' }, json: { type: 'boolean' }, depth: { type: 'string' } },
  async run(values, ids, io) {
    const depth = values.depth === undefined ? 1 : Number(values.depth);
    checkContractArgs('evolution', 'getLineage', [ids, depth], (path) => (path[0] === 1 ? '--depth' : 'ID'));
    const graph = await withContentDb(values, (db) => new EvolutionService(db).getLineage(ids, depth));
    if (values.json) {
      io.out(
        JSON.stringify({
          nodes: pickFields(graph.nodes, ['id', 'title', 'tier']),
          edges: pickFields(graph.edges, ['from', 'to', 'kind', 'via']),
        }),
      );
    } else {
      for (const e of graph.edges) io.out(`${e.from}\t${e.kind}\t${e.to}\t(${e.via})`);
      io.out(`${graph.nodes.length} pages, ${graph.edges.length} edges`);
    }
    const missing = ids.filter((id) => !graph.nodes.some((n) => n.id === id));
    if (missing.length > 0) io.err(`not found: ${missing.join(', ')}`);
    return ids.length > 0 && missing.length === ids.length ? 1 : 0;
  },
};
