export { DefaultClusterAccess, clusterResource } from './DefaultClusterAccess';
export {
  createClusterAccessGuard,
  clusterAccessOf,
  requestCredentials,
} from './httpGuard';
export type {
  ClusterAccess,
  ClusterAccessDecision,
  EntityContext,
} from './types';
