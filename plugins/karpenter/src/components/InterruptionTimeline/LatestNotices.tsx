import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandLess from '@material-ui/icons/ExpandLess';
import ExpandMore from '@material-ui/icons/ExpandMore';
import {
  disruptionReasonLabel,
  InterruptionNotice,
} from '@karpenter-backstage/plugin-karpenter-common';
import { Fragment, useState } from 'react';

/** The key of a "Latest" row. @internal */
export const noticeKey = (n: InterruptionNotice) =>
  `${n.subject}\u0000${n.reason}`;

const KIND_LABEL: Record<InterruptionNotice['kind'], string> = {
  interruption: 'interruption',
  rebalance: 'rebalance warning',
  termination: 'termination',
  disruption: 'replaced by Karpenter',
  information: 'information (not counted)',
};

function reasonText(n: InterruptionNotice) {
  return n.disruptionReason
    ? `${n.reason}: ${n.disruptionReason} (${disruptionReasonLabel(
        n.disruptionReason,
      )})`
    : n.reason;
}

/**
 * The "Latest" list: one row per NodeClaim and notice (reason, instance, zone, capacity type,
 * time of the first event, how many events were folded into it), expandable to the raw events.
 *
 * @internal
 */
export function LatestNotices(props: { notices: InterruptionNotice[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen(current => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <Table size="small" aria-label="Latest interruptions">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>First event</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>NodePool</TableCell>
          <TableCell>NodeClaim / Node</TableCell>
          <TableCell>Instance</TableCell>
          <TableCell align="right">Events</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.notices.map(n => {
          const key = noticeKey(n);
          const expanded = open.has(key);
          return (
            <Fragment key={key}>
              <TableRow data-testid="interruption-row">
                <TableCell padding="checkbox">
                  <IconButton
                    size="small"
                    aria-label={`${expanded ? 'Hide' : 'Show'} the ${
                      n.events
                    } events of ${n.nodeClaim ?? n.subject}`}
                    aria-expanded={expanded}
                    onClick={() => toggle(key)}
                  >
                    {expanded ? <ExpandLess /> : <ExpandMore />}
                  </IconButton>
                </TableCell>
                <TableCell>{new Date(n.firstTime).toLocaleString()}</TableCell>
                <TableCell>
                  {reasonText(n)}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {KIND_LABEL[n.kind]}
                  </Typography>
                </TableCell>
                <TableCell>{n.nodePool ?? '—'}</TableCell>
                <TableCell>{n.nodeClaim ?? n.node ?? '—'}</TableCell>
                <TableCell>
                  {[n.instanceType, n.capacityType, n.zone]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </TableCell>
                <TableCell align="right">{n.events}</TableCell>
              </TableRow>
              {expanded &&
                n.records.map(r => (
                  <TableRow
                    key={`${r.eventUid}:${r.occurrence}`}
                    data-testid="interruption-event"
                  >
                    <TableCell padding="checkbox" />
                    <TableCell>{new Date(r.time).toLocaleString()}</TableCell>
                    <TableCell>{r.reason}</TableCell>
                    <TableCell colSpan={2}>
                      {r.node && r.nodeClaim
                        ? `${r.nodeClaim} / ${r.node}`
                        : r.nodeClaim ?? r.node ?? '—'}
                      {r.occurrence > 1 ? ` (repeat ${r.occurrence})` : ''}
                    </TableCell>
                    <TableCell colSpan={2}>{r.message}</TableCell>
                  </TableRow>
                ))}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
