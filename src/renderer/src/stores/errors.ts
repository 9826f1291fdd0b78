/** A message a user can read, from anything a call may throw. */
export function messageOf(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}
