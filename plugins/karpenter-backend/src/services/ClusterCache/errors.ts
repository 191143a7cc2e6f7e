import { ClusterError } from '@karpenter-backstage/plugin-karpenter-common';

/** An error of one cluster, carried to the answer's per-cluster error slot. @internal */
export class ClusterAccessError extends Error {
  constructor(readonly clusterError: ClusterError) {
    super(clusterError.message);
    this.name = 'ClusterAccessError';
  }
}

/** The HTTP status a client-node failure carries (`statusCode`, or a numeric `code`). @internal */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; code?: unknown };
  if (typeof e?.statusCode === 'number') return e.statusCode;
  return typeof e?.code === 'number' ? e.code : undefined;
}

/** Maps a client-node / fetch failure to a stable code and a message. @internal */
export function classifyKubeError(
  error: unknown,
  cluster: string,
): ClusterError {
  if (error instanceof ClusterAccessError) return error.clusterError;
  const e = error as {
    code?: number | string;
    statusCode?: number;
    name?: string;
    message?: string;
    cause?: { code?: string };
  };
  const status = typeof e?.code === 'number' ? e.code : e?.statusCode;
  const text = String(e?.message ?? error);
  if (status === 401)
    return {
      code: 'UNAUTHORIZED',
      message: `The API server of ${cluster} rejected the credentials (401)`,
    };
  if (status === 403)
    return {
      code: 'FORBIDDEN',
      message: `The backend's identity may not read Karpenter resources in ${cluster} (403): grant the read-only ClusterRole`,
    };
  if (status === 404)
    return {
      code: 'NOT_FOUND',
      message: `${cluster} does not serve the Karpenter v1 APIs (404): is Karpenter 1.x installed?`,
    };
  if (typeof status === 'number' && status >= 500)
    return {
      code: 'SERVER_ERROR',
      message: `The API server of ${cluster} answered ${status}`,
    };
  const code =
    e?.cause?.code ?? (typeof e?.code === 'string' ? e.code : undefined);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH'
  ) {
    return {
      code: 'UNREACHABLE',
      message: `The API server of ${cluster} cannot be reached (${code})`,
    };
  }
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'UND_ERR_SOCKET' ||
    text === 'terminated'
  ) {
    return {
      code: 'UNREACHABLE',
      message: `The connection to the API server of ${cluster} was lost`,
    };
  }
  if (
    e?.name === 'TimeoutError' ||
    code === 'ETIMEDOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    /timed? ?out/i.test(text)
  )
    return {
      code: 'TIMEOUT',
      message: `The API server of ${cluster} did not answer in time`,
    };
  if (
    e?.name === 'SyntaxError' ||
    /JSON|Unexpected end|Unexpected token/i.test(text)
  ) {
    return {
      code: 'MALFORMED_RESPONSE',
      message: `The API server of ${cluster} sent a response that is not valid JSON`,
    };
  }
  // the upstream text can name hosts and identities: it goes to the log (rawErrorText), not here
  return {
    code: 'ERROR',
    message: `Reading ${cluster} failed (the backend log has the details)`,
  };
}

/** The upstream text of a failure, for the log only (never for API responses). @internal */
export function rawErrorText(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  const text = String(e?.message ?? error);
  return e?.cause?.message ? `${text} (${e.cause.message})` : text;
}
