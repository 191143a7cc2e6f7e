import { configApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * The troubleshooting page when `karpenter.frontend.troubleshootingUrl` is not configured: this
 * plugin set's TechDocs.
 *
 * @internal
 */
export const DEFAULT_TROUBLESHOOTING_URL =
  '/docs/default/component/karpenter-backstage/troubleshooting/';

/**
 * The troubleshooting page the card and the tab link to (`karpenter.frontend.troubleshootingUrl`,
 * default {@link DEFAULT_TROUBLESHOOTING_URL}).
 *
 * @internal
 */
export function useTroubleshootingUrl(): string {
  const config = useApi(configApiRef);
  return (
    config.getOptionalString('karpenter.frontend.troubleshootingUrl') ??
    DEFAULT_TROUBLESHOOTING_URL
  );
}

/**
 * A section of the troubleshooting page: `url` with `anchor` as its hash (a hash already in
 * `url` is replaced).
 *
 * @internal
 */
export function troubleshootingSection(url: string, anchor: string): string {
  return `${url.replace(/#.*$/, '')}#${anchor}`;
}
