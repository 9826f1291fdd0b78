import { z } from 'zod';

/** Format name and version of a user-data backup file (`dstudio user export`). */
export const USER_DATA_FORMAT = 'dstudio-user-data';
export const USER_DATA_VERSION = 1;

const cell = z.union([z.string().max(1_000_000), z.number(), z.null()]);

/**
 * A backup of every table of user.db: rows as column → value objects. The tables and
 * their columns are checked against the list main keeps (user-data-tables.ts).
 */
export const userDataSchema = z
  .object({
    format: z.literal(USER_DATA_FORMAT),
    version: z.literal(USER_DATA_VERSION),
    exportedAt: z.string().max(100),
    tables: z.record(z.string().max(100), z.array(z.record(z.string().max(100), cell)).max(1_000_000)),
  })
  .strict();

export type UserData = z.infer<typeof userDataSchema>;
