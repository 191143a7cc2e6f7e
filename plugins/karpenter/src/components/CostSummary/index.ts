export { CostSummary, costExplanation, staleText } from './CostSummary';
