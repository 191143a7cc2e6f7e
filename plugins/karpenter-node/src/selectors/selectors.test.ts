import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';

const pod = {
  metadata: { labels: { app: 'checkout', tier: 'web' } },
  spec: { nodeName: 'n1' },
  reason: 'x',
};

describe('selectors', () => {
  it('matches label selectors like the API server', () => {
    expect(parseLabelSelector('app=checkout')(pod)).toBe(true);
    expect(parseLabelSelector('app==checkout,tier!=db')(pod)).toBe(true);
    expect(parseLabelSelector('app in (checkout, payments),tier')(pod)).toBe(
      true,
    );
    expect(parseLabelSelector('app notin (checkout)')(pod)).toBe(false);
    expect(parseLabelSelector('!tier')(pod)).toBe(false);
    expect(parseLabelSelector('')(pod)).toBe(true);
    expect(() => parseLabelSelector('a in (b')).toThrow(SelectorError);
  });
  it('matches field selectors by dotted path', () => {
    expect(parseFieldSelector('spec.nodeName=n1,reason!=y')(pod)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=n2')(pod)).toBe(false);
    expect(() => parseFieldSelector('nonsense')).toThrow(SelectorError);
  });
});
