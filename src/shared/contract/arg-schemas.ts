import type { z } from 'zod';

/**
 * The run-time argument schemas of one domain: one zod tuple per method, whose output
 * must match the method's parameters (a missing method or a wrong schema is a compile error).
 */
export type ArgSchemasOf<Api> = {
  [M in keyof Api]: Api[M] extends (...args: infer A) => unknown ? z.ZodType<A> : never;
};
