/* A user's session with a bench backend, obtained as the browser obtains it, and the wait for the
 * catalog to have ingested the bench entities. */
import { benchEntities } from './entities';
import { BenchSize } from './sizes';

/** The headers every bench request carries: a real user token of the guest provider. */
export type AuthHeaders = { Authorization: string };

/**
 * Signs in as the frontend's guest sign-in does: `GET /api/auth/guest/refresh` with the header
 * Backstage's frontend sends (`X-Requested-With: XMLHttpRequest`, its CSRF guard) and the
 * answer's `backstageIdentity.token` as the bearer token (a user token the auth backend signed,
 * `user:development/guest`). Retries while the auth plugin is still starting (up to 60 s).
 */
export async function signInAsGuest(baseUrl: string): Promise<AuthHeaders> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    }).catch(() => undefined);
    const body = res?.ok
      ? ((await res.json()) as { backstageIdentity?: { token?: string } })
      : undefined;
    const token = body?.backstageIdentity?.token;
    if (token) return { Authorization: `Bearer ${token}` };
    if (Date.now() > deadline)
      throw new Error(
        `guest sign-in failed: ${res?.status} ${
          res ? (await res.text()).slice(0, 300) : 'no answer'
        }`,
      );
    await new Promise(r => setTimeout(r, 500));
  }
}

/**
 * Waits (up to 120 s) until the catalog serves every bench entity: the catalog ingests its file
 * location in the background after start, and the summaries 404 before.
 */
export async function catalogIngested(
  baseUrl: string,
  auth: AuthHeaders,
  size: BenchSize,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const e of benchEntities(size)) {
    const url = `${baseUrl}/api/catalog/entities/by-name/${e.kind.toLocaleLowerCase(
      'en-US',
    )}/${e.metadata.namespace}/${e.metadata.name}`;
    for (;;) {
      const res = await fetch(url, { headers: auth });
      await res.arrayBuffer();
      if (res.ok) break;
      if (Date.now() > deadline)
        throw new Error(
          `the catalog has not ingested ${e.metadata.name} after 120 s (${res.status})`,
        );
      await new Promise(r => setTimeout(r, 500));
    }
  }
}
