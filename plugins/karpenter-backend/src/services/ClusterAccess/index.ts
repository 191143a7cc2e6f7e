export { DefaultClusterAccess, clusterResource } from './DefaultClusterAccess';
export { createClusterAccessGuard, clusterAccessOf } from './httpGuard';
export type {
  ClusterAccess,
  ClusterAccessDecision,
  EntityContext,
} from './types';
