import { classifyKubeError, rawErrorText } from './errors';

describe('classifyKubeError', () => {
  it('gives a code and a curated message; the upstream text stays for the log', () => {
    const upstream = Object.assign(
      new Error(
        'dial tcp 10.0.12.7:443 via ip-10-0-12-7.internal: weird failure',
      ),
      {
        cause: { message: 'at https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com' },
      },
    );
    const classified = classifyKubeError(upstream, 'prod');
    expect(classified.code).toBe('ERROR');
    expect(classified.message).toBe(
      'Reading prod failed (the backend log has the details)',
    );
    expect(rawErrorText(upstream)).toContain('10.0.12.7');
    expect(rawErrorText(upstream)).toContain('eks.amazonaws.com');
  });

  it.each([
    [{ statusCode: 401 }, 'UNAUTHORIZED'],
    [{ statusCode: 403 }, 'FORBIDDEN'],
    [{ cause: { code: 'ECONNREFUSED' } }, 'UNREACHABLE'],
    [{ cause: { code: 'ECONNRESET' } }, 'UNREACHABLE'],
    [
      { cause: { code: 'UND_ERR_SOCKET' }, message: 'terminated' },
      'UNREACHABLE',
    ],
    [{ cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }, 'TIMEOUT'],
    [{ name: 'TimeoutError' }, 'TIMEOUT'],
  ])('classifies %p as %s without naming the host', (error, code) => {
    const classified = classifyKubeError(
      Object.assign(new Error('connect to 10.0.0.1 failed'), error),
      'prod',
    );
    expect(classified.code).toBe(code);
    expect(classified.message).not.toContain('10.0.0.1');
  });
});
