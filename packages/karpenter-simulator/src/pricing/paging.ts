import { createHash } from 'node:crypto';

/** One page of a list and the opaque token of the next (none on the last page). */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** What a request asks for, less its paging: a token is valid only for the same query. */
function fingerprint(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 16);
}

/**
 * The page of `items` a request asks for: `maxResults` from where its `token` (made by an earlier
 * page of the same `query`) left off. Undefined for a token this query did not make.
 */
export function page<T>(
  items: readonly T[],
  query: string,
  maxResults: number,
  token: string | undefined,
): Page<T> | undefined {
  let offset = 0;
  if (token) {
    const [print, at] = Buffer.from(token, 'base64url')
      .toString('utf8')
      .split(':');
    offset = Number(at);
    if (print !== fingerprint(query) || !Number.isInteger(offset) || offset < 0)
      return undefined;
  }
  const end = offset + maxResults;
  return {
    items: items.slice(offset, end),
    nextToken:
      end < items.length
        ? Buffer.from(`${fingerprint(query)}:${end}`).toString('base64url')
        : undefined,
  };
}
