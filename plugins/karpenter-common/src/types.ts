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
  /**
   * Set when the Backstage permission framework denied the signed-in user this cluster (code
   * `FORBIDDEN`): the name of the denied permission, `karpenter.cluster.read`. Without it, a
   * `FORBIDDEN` error means the cluster's API server refused the backend's own identity.
   */
  permission?: string;
}
