/**
 * The answer of `GET /api/karpenter/health`.
 *
 * @public
 */
export interface KarpenterHealthResponse {
  status: 'ok';
}

/**
 * A per-cluster error slot: one failing cluster never blanks the others.
 *
 * @public
 */
export interface ClusterError {
  /** Machine-readable code, e.g. `UNAUTHORIZED`, `TIMEOUT`, `UNREACHABLE`. */
  code: string;
  /** Human-readable message. */
  message: string;
}
