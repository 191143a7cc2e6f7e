import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PendingPods } from '@karpenter-backstage/plugin-karpenter-common';
import { podsText } from '../../format';
import { WAITING_PODS_ID } from '../PendingPodsPanel';

/**
 * "3 pods waiting · NodePool general reached its CPU limit (104/104 cores)": the count and why
 * the longest-waiting pod waits, "(and other reasons)" when the pods wait for more than one.
 *
 * @internal
 */
export function pendingPodsText(pendingPods: PendingPods): string {
  const [first] = pendingPods.items;
  const count = `${podsText(pendingPods.total)} waiting`;
  if (!first) return count;
  const codes = new Set(pendingPods.items.map(p => p.code));
  // one line: the sentence without its full stop
  const why = first.message.replace(/\.$/, '');
  return `${count} · ${why}${codes.size > 1 ? ' (and other reasons)' : ''}`;
}

/**
 * The tab's Waiting pods panel of this cluster: the tab link with `?cluster=` (the tab opens on
 * that cluster) and the panel's hash, unless the link has a hash already.
 */
function waitingPodsLink(tabLink: string, cluster: string): string {
  if (tabLink.includes('#')) return tabLink;
  const query = `cluster=${encodeURIComponent(cluster)}`;
  return `${tabLink}${
    tabLink.includes('?') ? '&' : '?'
  }${query}#${WAITING_PODS_ID}`;
}

/**
 * The card's line about the pods of the entity that wait for a node in one cluster (nothing when
 * none waits), linked to the tab's Waiting pods panel when the tab is mounted. A warning, except
 * when every pod only waits for the node Karpenter is launching for it (NOMINATED).
 *
 * @internal
 */
export function PendingPodsLine(props: {
  cluster: string;
  pendingPods?: PendingPods;
  tabLink?: string;
  /** The cluster's data is stale: the pods are the last known ones. */
  stale?: boolean;
}) {
  const { cluster, pendingPods, tabLink, stale } = props;
  if (!pendingPods || pendingPods.total <= 0) return null;
  const nominatedOnly =
    pendingPods.items.length > 0 &&
    pendingPods.items.every(p => p.code === 'NOMINATED');
  const color = nominatedOnly ? 'textSecondary' : 'error';
  const text = `${pendingPodsText(pendingPods)}${stale ? ' · last known' : ''}`;
  return (
    <Typography
      variant="body2"
      component="div"
      color={color}
      data-testid="cluster-pending-pods"
    >
      {tabLink ? (
        <Link
          to={waitingPodsLink(tabLink, cluster)}
          color="inherit"
          underline="always"
        >
          {text}
        </Link>
      ) : (
        text
      )}
    </Typography>
  );
}
