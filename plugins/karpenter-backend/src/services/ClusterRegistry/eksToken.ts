import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { AwsCredentialIdentityProvider } from '@aws-sdk/types';

/**
 * An EKS bearer token: `k8s-aws-v1.` + base64url of a presigned STS GetCallerIdentity URL that
 * signs the `x-k8s-aws-id: <cluster>` header (what `aws eks get-token` produces). Valid 15 min.
 *
 * @internal
 */
export async function createEksToken(options: {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
}): Promise<string> {
  const hostname = `sts.${options.region}.amazonaws.com`;
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'sts',
    // SHA-256 / HMAC-SHA-256 on Node's crypto, as the AWS SDK's own clients configure it.
    sha256: Hash.bind(null, 'sha256'),
  });
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'https:',
    hostname,
    path: '/',
    headers: { host: hostname, 'x-k8s-aws-id': options.clusterName },
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
  });
  const signed = await signer.presign(request, { expiresIn: 60 });
  const query = Object.entries(signed.query ?? {})
    .map(
      ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
    )
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;
}
