export { HealthChip, reasonsText } from './HealthChip';
