export { EntitySummaries, entityContext } from './EntitySummaries';
