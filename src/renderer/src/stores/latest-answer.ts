/**
 * The one guard against out-of-order answers: every request takes a ticket, and an answer
 * is applied only while its ticket still counts, so a slow answer to an older request never
 * overwrites the answer to a newer one.
 */
export interface Ticket {
  /** Whether no newer request (nor an invalidate) came after this one. */
  isLatest(): boolean;
  /**
   * For views that show every answer that moves the screen forward (typing fast still updates
   * the list): true, and marks this answer shown, unless a newer answer is already on screen.
   */
  claimScreen(): boolean;
}

export interface LatestAnswer {
  /** Starts a request: the returned ticket says whether its answer may still be applied. */
  next(): Ticket;
  /** Makes every request in flight stale (the state it would fill was reset). */
  invalidate(): void;
}

/** A fresh guard, one per kind of request a store makes. */
export function latestAnswer(): LatestAnswer {
  let latest = 0;
  let shown = 0;
  return {
    next() {
      const mine = ++latest;
      return {
        isLatest: () => mine === latest,
        claimScreen: () => {
          if (mine < shown) return false;
          shown = mine;
          return true;
        },
      };
    },
    invalidate() {
      latest++;
    },
  };
}
