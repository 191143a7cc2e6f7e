import { awsErrorName, isUnreachable } from '../awsErrors';
import { QueueErrorCode } from './types';

const byName: Record<string, QueueErrorCode> = {
  QueueDoesNotExist: 'QUEUE_NOT_FOUND',
  'AWS.SimpleQueueService.NonExistentQueue': 'QUEUE_NOT_FOUND',
  AccessDenied: 'ACCESS_DENIED',
  AccessDeniedException: 'ACCESS_DENIED',
  InvalidClientTokenId: 'CREDENTIALS',
  UnrecognizedClientException: 'CREDENTIALS',
  SignatureDoesNotMatch: 'CREDENTIALS',
  CredentialsProviderError: 'CREDENTIALS',
  ThrottlingException: 'THROTTLED',
  Throttling: 'THROTTLED',
  RequestThrottled: 'THROTTLED',
  'AWS.SimpleQueueService.RequestThrottled': 'THROTTLED',
};

const messages: Record<QueueErrorCode, string> = {
  QUEUE_NOT_FOUND:
    'The interruption queue does not exist (check karpenter.clusters[].interruptionQueue and the region)',
  ACCESS_DENIED:
    'Access denied to the interruption queue (the backend needs sqs:GetQueueUrl and sqs:GetQueueAttributes)',
  THROTTLED: 'SQS throttled the request; the next sample will retry',
  CREDENTIALS: 'No valid AWS credentials for the interruption queue',
  UNREACHABLE: 'The SQS endpoint could not be reached',
  ERROR: 'The interruption queue could not be read',
};

/**
 * Maps an SQS client error to a stable code and a curated message a platform engineer can act on.
 * The AWS text (it can name the account, the role ARN and the queue URL) is not part of it: the
 * caller logs it.
 *
 * @internal
 */
export function classifySqsError(error: unknown): {
  code: QueueErrorCode;
  message: string;
} {
  let code: QueueErrorCode = byName[awsErrorName(error)] ?? 'ERROR';
  if (code === 'ERROR' && isUnreachable(error)) code = 'UNREACHABLE';
  return { code, message: messages[code] };
}

/**
 * The queue as the API shows it: a configured queue URL
 * (`https://sqs.<region>.amazonaws.com/<account id>/<name>`) becomes its name, without the
 * account id; a name stays as it is.
 *
 * @internal
 */
export function displayQueueName(queue: string): string {
  if (!/^https?:\/\//.test(queue)) return queue;
  try {
    const segments = new URL(queue).pathname.split('/').filter(Boolean);
    return segments[segments.length - 1] ?? '';
  } catch {
    return '';
  }
}
