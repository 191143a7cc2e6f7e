export { QueueBadge } from './QueueBadge';
