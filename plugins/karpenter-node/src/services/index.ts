export { karpenterAwsCredentials } from './awsCredentials';
export {
  DefaultKarpenterQueueClientFactory,
  karpenterQueueClientFactoryServiceRef,
  regionFromQueueUrl,
} from './queueClientFactory';
export type {
  KarpenterQueueClientFactory,
  KarpenterQueueTarget,
} from './queueClientFactory';
