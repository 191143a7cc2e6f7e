export { RemediationLink, LIMIT_REASON_CODES } from './RemediationLink';
export { consolidationHintThreshold } from './consolidation';
