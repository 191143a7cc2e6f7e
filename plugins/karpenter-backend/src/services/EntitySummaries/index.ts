export { EntitySummaries, entityContext } from './EntitySummaries';
export { createEntityPrefetch } from './entityPrefetch';
