/**
 * Helper of search.bench.ts, run in a fresh process so that no engine profits from code
 * another one already compiled or from caches it filled: opens content.db read-only, runs
 * one query and prints the milliseconds from opening to the first result — or, for
 * `started`, opens it as the app does at start-up and prints the milliseconds of the first
 * search alone (what someone typing into a started app waits for).
 * Usage: node --import tsx bench/search-first-result.ts app|started|floor FILE QUERY
 */
import BetterSqlite3 from 'better-sqlite3';
import { parseQuery, toMatchExpression } from '../src/main/search/fts-query';
import { SearchService } from '../src/main/search/search-service';
import { openContentDb } from '../src/main/database/connection';

const [engine, file, query] = process.argv.slice(2) as [string, string, string];
let started = performance.now();
if (engine === 'started') {
  // As the app starts: the service made and warmed up right after (other queries).
  const search = new SearchService(openContentDb(file, { readonly: true }));
  await search.warmUp();
  started = performance.now();
  search.searchSync({ text: query, limit: 10 });
} else if (engine === 'app') {
  // As the app opens it: with its SQL functions (section_text) registered.
  const db = openContentDb(file, { readonly: true });
  new SearchService(db).searchSync({ text: query, limit: 10 });
} else {
  const db = new BetterSqlite3(file, { readonly: true });
  const expr = toMatchExpression(parseQuery(query));
  if (expr)
    db.prepare('SELECT rowid FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rank LIMIT 10').all(expr);
}
process.stdout.write(String(performance.now() - started));
