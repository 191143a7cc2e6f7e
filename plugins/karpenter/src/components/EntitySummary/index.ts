export { EntitySummaryBody } from './EntitySummaryBody';
export { EntitySummaryHeadline } from './EntitySummaryHeadline';
