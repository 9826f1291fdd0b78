import { z } from 'zod';

/**
 * The run-time argument schemas of one domain: one zod tuple per method, whose output
 * must match the method's parameters (a missing method or a wrong schema is a compile error).
 */
export type ArgSchemasOf<Api> = {
  [M in keyof Api]: Api[M] extends (...args: infer A) => unknown ? z.ZodType<A> : never;
};

/** A page id as every domain takes it: non-empty, bounded, no control characters. */
export const pageIdArg = z
  .string()
  .min(1)
  .max(512)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'control characters are not allowed');
