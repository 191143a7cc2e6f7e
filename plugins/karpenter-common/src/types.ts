import type { KarpenterApiSchemas } from './schema';

/** The answer of `GET /api/karpenter/health`. @public */
export type KarpenterHealthResponse =
  KarpenterApiSchemas['KarpenterHealthResponse'];

/** A per-cluster error slot: one failing cluster never blanks the others. @public */
export type ClusterError = KarpenterApiSchemas['ClusterError'];
