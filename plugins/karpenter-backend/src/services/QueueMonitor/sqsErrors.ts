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

/** Maps an SQS client error to a stable code and a message a platform engineer can act on. @internal */
export function classifySqsError(error: unknown): {
  code: QueueErrorCode;
  message: string;
} {
  const e = error as {
    name?: string;
    Code?: string;
    code?: string;
    message?: string;
  };
  const name = e?.name ?? e?.Code ?? '';
  let code: QueueErrorCode = byName[name] ?? 'ERROR';
  if (
    code === 'ERROR' &&
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'].includes(
      e?.code ?? '',
    )
  ) {
    code = 'UNREACHABLE';
  }
  if (code === 'ERROR' && name === 'TimeoutError') {
    code = 'UNREACHABLE';
  }
  const detail = e?.message ? `: ${e.message}` : '';
  return { code, message: `${messages[code]}${detail}` };
}
