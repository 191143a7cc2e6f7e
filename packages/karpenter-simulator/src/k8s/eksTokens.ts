/**
 * EKS bearer tokens as the cluster's authenticator checks them, so a client's renewal can be
 * tested with lifetimes of seconds instead of 15 minutes.
 *
 * The checks follow kubernetes-sigs/aws-iam-authenticator pkg/token/token.go (`Verify`): the
 * `k8s-aws-v1.` prefix, a base64url presigned `https://sts.<region>.amazonaws.com/` URL with path
 * `/`, only whitelisted query parameters, `Action=GetCallerIdentity`, the `x-k8s-aws-id` header
 * among the signed headers, `X-Amz-Expires` within 0..900, and `X-Amz-Date` not older than the
 * token lifetime (`presignedURLExpiration = 15 * time.Minute` upstream; configurable here). The
 * upstream authenticator then calls STS, which checks the signature; the simulator cannot, so it
 * stops at the checks above.
 */

/** How the simulated API server authenticates EKS tokens. */
export interface EksTokenPolicy {
  /** Seconds a token is accepted after its `X-Amz-Date` (EKS: 900). */
  lifetimeSeconds: number;
}

const PREFIX = 'k8s-aws-v1.';
const MAX_TOKEN_BYTES = 4 * 1024;
const ALLOWED = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);

/** The outcome of checking one token: why it was refused, or when it expires. */
export type EksTokenCheck =
  | { valid: true; expiresAtMs: number }
  | { valid: false; reason: string };

/** `20060102T150405Z` (the SigV4 date format) as epoch milliseconds. */
function parseAmzDate(text: string): number | undefined {
  const m = text.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Checks a bearer token as an EKS cluster's authenticator does (see the module comment). */
export function checkEksToken(
  token: string,
  policy: EksTokenPolicy,
  nowMs: number,
): EksTokenCheck {
  if (token.length > MAX_TOKEN_BYTES)
    return { valid: false, reason: 'token is too large' };
  if (!token.startsWith(PREFIX))
    return { valid: false, reason: `token is missing the ${PREFIX} prefix` };
  let url: URL;
  try {
    url = new URL(
      Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'),
    );
  } catch {
    return { valid: false, reason: 'token is not a presigned URL' };
  }
  if (url.protocol !== 'https:')
    return { valid: false, reason: 'unexpected scheme in pre-signed URL' };
  if (!/^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(url.hostname))
    return { valid: false, reason: 'unexpected hostname in pre-signed URL' };
  if (url.pathname !== '/')
    return { valid: false, reason: 'unexpected path in pre-signed URL' };
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    const lower = key.toLowerCase();
    if (!ALLOWED.has(lower) || params.has(lower))
      return { valid: false, reason: `unexpected query parameter ${key}` };
    params.set(lower, value);
  }
  if (params.get('action') !== 'GetCallerIdentity')
    return { valid: false, reason: 'unexpected action parameter' };
  const signed = (params.get('x-amz-signedheaders') ?? '')
    .toLowerCase()
    .split(';');
  if (!signed.includes('x-k8s-aws-id'))
    return { valid: false, reason: 'the x-k8s-aws-id header is not signed' };
  const expires = Number(params.get('x-amz-expires'));
  if (!Number.isInteger(expires) || expires < 0 || expires > 900)
    return { valid: false, reason: 'invalid X-Amz-Expires parameter' };
  const date = parseAmzDate(params.get('x-amz-date') ?? '');
  if (date === undefined)
    return { valid: false, reason: 'missing or malformed X-Amz-Date' };
  const expiresAtMs = date + policy.lifetimeSeconds * 1000;
  if (nowMs > expiresAtMs)
    return { valid: false, reason: 'X-Amz-Date parameter is expired' };
  return { valid: true, expiresAtMs };
}
