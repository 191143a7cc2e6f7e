/**
 * What the end-to-end tests of this package share: the running portal's backend
 * (KARPENTER_E2E_BACKEND_URL, set by scripts/test.sh), a guest sign-in, JSON calls with its token
 * and polling until a condition holds.
 */
export const backend = process.env.KARPENTER_E2E_BACKEND_URL?.replace(
  /\/+$/,
  '',
);

/** `describe` that runs only when a portal is up. */
export const describeWithPortal = backend ? describe : describe.skip;

/** A guest user's Backstage token from the portal's guest provider. */
export async function guestToken(): Promise<string> {
  const response = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in failed: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

/** A JSON call to the portal's backend with the token: its status and parsed body. */
export function portalApi(token: () => string) {
  return async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${backend}${p}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token()}`,
        ...(init.headers ?? {}),
      },
    });
    return {
      status: res.status,
      body: await res.json().catch(() => undefined),
    };
  };
}

/** Polls `probe` each second until it returns a value (errors count as "not yet"). */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}
