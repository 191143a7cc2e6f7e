export { DefaultClusterRegistry } from './DefaultClusterRegistry';
export { readClusterConfigs } from './readClusterConfig';
export { createEksToken } from './eksToken';
export type { ClusterConfig, ClusterRegistry, AuthProvider } from './types';
