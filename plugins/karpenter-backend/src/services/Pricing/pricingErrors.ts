import { PriceRefresh } from '../../database';
import { awsErrorName, isUnreachable } from '../awsErrors';

const DENIED = new Set([
  // Price List API (JSON protocol)
  'AccessDeniedException',
  // EC2 (query protocol)
  'UnauthorizedOperation',
  'AuthFailure',
  // credentials
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
]);

/**
 * A failed price fetch as the API shows it: a stable code and a curated message (the AWS text can
 * name the account and the role; the caller logs it).
 *
 * @internal
 */
export function classifyPricingError(
  error: unknown,
  api: 'pricing' | 'ec2',
): NonNullable<PriceRefresh['error']> {
  const name = awsErrorName(error);
  const action =
    api === 'pricing' ? 'pricing:GetProducts' : 'ec2:DescribeSpotPriceHistory';
  const service =
    api === 'pricing'
      ? 'The AWS Price List API'
      : 'EC2 DescribeSpotPriceHistory';
  if (DENIED.has(name))
    return {
      code: 'PRICING_DENIED',
      message: `${service} refused the backend's credentials (it needs ${action})`,
    };
  if (THROTTLED.has(name))
    return {
      code: 'PRICING_UNAVAILABLE',
      message: `${service} throttled the price refresh; it is retried at the next run`,
    };
  if (isUnreachable(error))
    return {
      code: 'PRICING_UNAVAILABLE',
      message: `${service} could not be reached`,
    };
  return {
    code: 'PRICING_UNAVAILABLE',
    message: `${service} failed; the price refresh is retried at the next run`,
  };
}
