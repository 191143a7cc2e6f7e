/** What the AWS SDK's errors carry that a classifier reads. */
interface AwsErrorLike {
  name?: string;
  Code?: string;
  code?: string;
}

/** The AWS error code of an SDK error (`AccessDeniedException`, `UnauthorizedOperation`, …). @internal */
export function awsErrorName(error: unknown): string {
  const e = error as AwsErrorLike | undefined;
  return e?.name ?? e?.Code ?? '';
}

/** Whether an SDK call failed before AWS answered (no route, refused, timed out). @internal */
export function isUnreachable(error: unknown): boolean {
  const e = error as AwsErrorLike | undefined;
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'].includes(
      e?.code ?? '',
    ) || awsErrorName(error) === 'TimeoutError'
  );
}
