import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PendingPod,
  PendingPods,
  pendingPodDocsAnchor,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { formatAge, pluralNoun } from '../../format';
import { troubleshootingSection, useTroubleshootingUrl } from '../../hooks';

/**
 * The id of the tab's Waiting pods panel: the card's pending pods line links to the tab with it
 * as the hash. @internal
 */
export const WAITING_PODS_ID = 'waiting-pods';

/** "NodeClaim default-x7k2p (launched)": the NodeClaim Karpenter nominated for the pod. */
function nominatedText(pod: PendingPod): string | undefined {
  if (pod.code !== 'NOMINATED' || !pod.nodeClaim) return undefined;
  const state = pod.nodeClaimState ? ` (${pod.nodeClaimState})` : '';
  return `NodeClaim ${pod.nodeClaim}${state}`;
}

function PendingPodRow(props: {
  pod: PendingPod;
  troubleshooting: string;
  now: number;
}) {
  const { pod, troubleshooting, now } = props;
  const nominated = nominatedText(pod);
  const id = `${pod.namespace}/${pod.name}`;
  return (
    <TableRow data-testid={`pending-pod-${id}`}>
      <TableCell>{id}</TableCell>
      <TableCell>
        <time dateTime={pod.pendingSince} title={pod.pendingSince}>
          {formatAge(pod.pendingSince, now)}
        </time>
      </TableCell>
      <TableCell>
        <Typography variant="body2">{pod.message}</Typography>
        <Box display="flex" alignItems="center" mt={0.5} style={{ gap: 8 }}>
          <Chip
            size="small"
            variant="outlined"
            label={pod.code}
            data-testid="pending-pod-code"
          />
          {nominated && (
            <Typography variant="caption" data-testid="pending-pod-nodeclaim">
              {nominated}
            </Typography>
          )}
        </Box>
        {pod.karpenterMessage && (
          // folded: Karpenter lists one error per NodePool it tried, most about other NodePools
          <details>
            <summary>
              <Typography variant="caption" color="textSecondary">
                Karpenter's message
              </Typography>
            </summary>
            <Typography
              variant="caption"
              color="textSecondary"
              component="div"
              data-testid="pending-pod-karpenter-message"
            >
              {pod.karpenterMessage}
            </Typography>
          </details>
        )}
      </TableCell>
      <TableCell>
        <Typography variant="body2">{pod.hint}</Typography>
        <Link
          to={troubleshootingSection(
            troubleshooting,
            pendingPodDocsAnchor(pod.code),
          )}
        >
          Troubleshooting
        </Link>
      </TableCell>
    </TableRow>
  );
}

/** Brings the panel into view when the page was opened with its hash (the card's link). */
function useScrollIntoViewOnHash(ref: { current: HTMLElement | null }) {
  const { hash } = useLocation();
  useEffect(() => {
    // jsdom has no scrollIntoView
    if (hash === `#${WAITING_PODS_ID}`) ref.current?.scrollIntoView?.();
  }, [hash, ref]);
}

/**
 * The tab's "Waiting pods" panel for one cluster: the entity's pods that wait for a node, the
 * longest waiting first, with why (the backend's explanation, its code and Karpenter's own
 * message) and what to do. Nothing when the backend did not check (`pendingPods` absent, an
 * entity mapped by annotations).
 *
 * @internal
 */
export function PendingPodsPanel(props: {
  cluster: string;
  pendingPods?: PendingPods;
  /** The cluster's data is stale: the pods are the last known ones. */
  stale?: boolean;
}) {
  const { cluster, pendingPods, stale } = props;
  const troubleshooting = useTroubleshootingUrl();
  const ref = useRef<HTMLDivElement>(null);
  useScrollIntoViewOnHash(ref);
  if (!pendingPods) return null;
  const { total, items } = pendingPods;
  const now = Date.now();
  return (
    <div id={WAITING_PODS_ID} ref={ref} data-testid={`pending-pods-${cluster}`}>
      <InfoCard title="Waiting pods">
        {stale && (
          <Typography
            variant="body2"
            color="error"
            data-testid="pending-pods-stale"
          >
            Last known state: the cluster's data is stale, these pods may no
            longer wait.
          </Typography>
        )}
        {total === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No pods of this entity are waiting for a node.
          </Typography>
        ) : (
          <>
            <Table size="small" aria-label="Waiting pods">
              <TableHead>
                <TableRow>
                  <TableCell>Pod</TableCell>
                  <TableCell>Waiting since</TableCell>
                  <TableCell>Why</TableCell>
                  <TableCell>What to do</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map(pod => (
                  <PendingPodRow
                    key={`${pod.namespace}/${pod.name}`}
                    pod={pod}
                    troubleshooting={troubleshooting}
                    now={now}
                  />
                ))}
              </TableBody>
            </Table>
            {total > items.length && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
                data-testid="pending-pods-shown"
              >
                {`Showing ${items.length} of ${total} waiting ${pluralNoun(
                  total,
                  'pod',
                )}`}
              </Typography>
            )}
          </>
        )}
      </InfoCard>
    </div>
  );
}
