import { z } from 'zod';
import { TIERS } from '../domain';
import { pageIdArg as pageId } from './arg-schemas';
import { EVOLUTION_ARGS } from './evolution';
import { FILES_ARGS, MAX_EXPORT_CHARS } from './files';
import { PROGRESS_ARGS } from './progress';
import { REPORTS_ARGS } from './reports';
import { MAX_SEARCH_RESULTS } from './search';
import { SYNC_ARGS } from './sync';
import type { DStudioApi, Domain } from './index';
import { USER_DATA_IMPORT_MODES } from './user';

/**
 * Run-time argument schemas for every contract method, checked by main before a
 * service sees the call (IPC and HTTP alike). The mapped type makes a missing
 * method, or a schema whose output does not match the method's parameters, a
 * compile error.
 */
type ArgSchemas = {
  [D in Domain]: {
    [M in keyof DStudioApi[D]]: DStudioApi[D][M] extends (...args: infer A) => unknown ? z.ZodType<A> : never;
  };
};

const shortText = z.string().max(1000);
const list = z.array(z.string().max(200)).max(50).optional();

const filters = z
  .object({
    tier: z.array(z.enum(TIERS)).max(3).optional(),
    type: list,
    category: list,
    status: list,
    relevance: list,
    difficulty: list,
  })
  .strict();

const settingValue: z.ZodType<import('./user').SettingValue> = z.lazy(() =>
  z.union([
    z.string().max(100_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(settingValue).max(1000),
    z.record(z.string().max(200), settingValue),
  ]),
);

export const API_ARGS: ArgSchemas = {
  content: {
    getStatus: z.tuple([]),
    listPages: z.tuple([]),
    getPages: z.tuple([z.array(pageId).max(1000)]),
    getNav: z.tuple([]),
    resolveId: z.tuple([pageId]),
  },
  search: {
    search: z.tuple([
      z
        .object({
          text: z.string().max(2000),
          filters: filters.optional(),
          limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional(),
          offset: z.number().int().min(0).max(10_000).optional(),
        })
        .strict(),
    ]),
    quickSwitch: z.tuple([z.string().max(500), z.number().int().min(1).max(100).optional()]),
    quickSwitchData: z.tuple([]),
  },
  user: {
    listBookmarks: z.tuple([]),
    addBookmark: z.tuple([pageId, shortText, z.string().max(512).nullable()]),
    removeBookmark: z.tuple([pageId]),
    recordVisit: z.tuple([pageId, shortText]),
    listHistory: z.tuple([z.number().int().min(1).max(1000)]),
    getReadingState: z.tuple([pageId]),
    listReadPageIds: z.tuple([]),
    saveReadingState: z.tuple([
      pageId,
      z.object({ read: z.boolean().optional(), scrollRatio: z.number().min(0).max(1).optional() }).strict(),
    ]),
    getSettings: z.tuple([]),
    setSetting: z.tuple([z.string().min(1).max(200), settingValue]),
    exportAllData: z.tuple([]),
    importAllData: z.tuple([
      z.string().max(MAX_EXPORT_CHARS, 'the backup file is larger than any this app writes'),
      z.enum(USER_DATA_IMPORT_MODES),
    ]),
  },
  // Feature domains keep their schemas beside their interfaces.
  progress: PROGRESS_ARGS,
  evolution: EVOLUTION_ARGS,
  reports: REPORTS_ARGS,
  sync: SYNC_ARGS,
  files: FILES_ARGS,
};

/** Validates raw arguments for a method; throws a readable message on bad input. */
export function parseArgs(domain: string, method: string, args: unknown): unknown[] {
  const forDomain = (API_ARGS as Record<string, Record<string, z.ZodType> | undefined>)[domain];
  const schema = forDomain && Object.hasOwn(forDomain, method) ? forDomain[method] : undefined;
  if (!schema) throw new Error(`Unknown method ${domain}.${method}`);
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Bad arguments for ${domain}.${method}: ${issue?.path.join('.') || 'args'}: ${issue?.message}`,
    );
  }
  return parsed.data as unknown[];
}
