/** The part of `total` that `part` makes up, from 0 to 1; null when the total is zero or missing. */
export function shareOfTotal(part: number | null, total: number | null): number | null {
  if (part == null || total == null || total === 0) return null;
  return part / total;
}

export interface Ranked<T> {
  rank: number;
  item: T;
}

/**
 * Sorts items by `score` descending and gives "competition" ranks (1, 2, 2, 4): equal scores share a rank.
 * Ties are ordered by `tieBreak` ascending so the order is the same on every run. Items whose score is null
 * come last, unranked peers of each other.
 */
export function rankBy<T>(items: readonly T[], score: (item: T) => number | null, tieBreak: (item: T) => string): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (sa !== sb) {
      if (sa == null) return 1;
      if (sb == null) return -1;
      return sb - sa;
    }
    return tieBreak(a) < tieBreak(b) ? -1 : tieBreak(a) > tieBreak(b) ? 1 : 0;
  });
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const tied = previous !== undefined && score(previous.item) === score(item);
    ranked.push({ item, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}
