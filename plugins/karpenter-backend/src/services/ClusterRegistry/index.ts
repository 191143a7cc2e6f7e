export { DefaultClusterRegistry } from './DefaultClusterRegistry';
export type { DefaultClusterRegistryOptions } from './DefaultClusterRegistry';
export { readClusterConfigs } from './readClusterConfig';
export { createEksToken } from './eksToken';
export { fromClusterDetails, toClusterDetails } from './details';
export { validateClusters } from './validateClusters';
export { BUILTIN_AUTH_PROVIDERS } from './types';
export type { ClusterConfig, ClusterRegistry, AuthProvider } from './types';
