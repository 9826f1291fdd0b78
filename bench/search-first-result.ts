/**
 * Helper of search.bench.ts, run in a fresh process so that no engine profits from code
 * another one already compiled or from caches it filled: opens content.db read-only, runs
 * one query and prints the milliseconds from opening to the first result.
 * Usage: node --import tsx bench/search-first-result.ts app|floor FILE QUERY
 */
import BetterSqlite3 from 'better-sqlite3';
import { parseQuery, toMatchExpression } from '../src/main/search/fts-query';
import { SearchService } from '../src/main/search/search-service';

const [engine, file, query] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const db = new BetterSqlite3(file, { readonly: true });
if (engine === 'app') {
  new SearchService(db, { recentPageIds: () => [] }).searchSync({ text: query, limit: 10 });
} else {
  const expr = toMatchExpression(parseQuery(query));
  if (expr)
    db.prepare('SELECT rowid FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rank LIMIT 10').all(expr);
}
process.stdout.write(String(performance.now() - started));
