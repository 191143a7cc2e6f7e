export { resolveEntityTarget } from './EntityResolver';
export type { EntityTarget } from './EntityResolver';
