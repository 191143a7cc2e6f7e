import { useSearchParams } from 'react-router-dom';
import { Content, ContentHeader } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  ClusterSummary,
  EntitySummary,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useState } from 'react';
import {
  KARPENTER_PERFORMANCE_MARKS,
  usePerformanceMark,
  useRefreshedEntitySummary,
} from '../../hooks';
import { EntitySummaryBody, EntitySummaryHeadline } from '../EntitySummary';
import { RefreshFailed } from '../RefreshFailed';
import { ClusterTab } from './ClusterTab';
import { entityNodePoolScope } from './entityScope';

/**
 * The state in a cluster's tab label: stale (last known data), no access (the user's permission
 * denies the cluster), error, or its health.
 */
function tabState(c: ClusterSummary): string {
  if (c.stale) return 'stale';
  if (c.error?.permission) return 'no access';
  return c.error ? 'error' : c.health;
}

/**
 * The entity's clusters as tabs (when there are several) and the selected one's {@link ClusterTab}.
 * `selected` is kept by the page, so it outlives a summary that is briefly not configured; a link
 * may choose the first cluster shown with `?cluster=<name>` (the card's waiting-pods line does).
 */
function ClusterTabs(props: {
  summary: EntitySummary;
  /** The user's choice; until there is one, the `?cluster=` of the URL (or the first). */
  selected: number | undefined;
  onSelect: (index: number) => void;
  tick: number;
}) {
  const { summary, selected, onSelect, tick } = props;
  const { entity } = useEntity();
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get('cluster');
  const index = Math.min(
    selected ??
      Math.max(
        0,
        summary.clusters.findIndex(c => c.cluster === wanted),
      ),
    summary.clusters.length - 1,
  );
  const current = summary.clusters[index];
  return (
    <>
      {summary.clusters.length > 1 && (
        <Tabs
          value={index}
          onChange={(_e, i) => onSelect(i)}
          indicatorColor="primary"
          aria-label="Clusters"
        >
          {summary.clusters.map(c => (
            <Tab
              key={c.cluster}
              label={`${c.title ?? c.cluster} (${tabState(c)})`}
            />
          ))}
        </Tabs>
      )}
      {current && (
        <ClusterTab
          key={current.cluster}
          summary={current}
          scope={entityNodePoolScope(entity, summary.mapping, current)}
          tick={tick}
        />
      )}
    </>
  );
}

/**
 * The Karpenter tab of an entity page: per cluster, the entity's pods waiting for a node (for
 * entities mapped by workloads), the NodePools table with details, the interruption timeline,
 * NodeClaims, EC2NodeClasses and the queue backlog. Refreshes in place
 * (open panels, filters and scroll position stay), paused while the browser tab is hidden.
 *
 * @public
 */
export function EntityKarpenterContent() {
  const { summary, tick, intervalMs } = useRefreshedEntitySummary();
  const { value, error } = summary;
  const [selected, setSelected] = useState<number | undefined>(undefined);
  usePerformanceMark(KARPENTER_PERFORMANCE_MARKS.tabMounted, true);

  return (
    <Content>
      <ContentHeader title="Karpenter">
        <EntitySummaryHeadline
          summary={summary}
          refreshIntervalMs={intervalMs}
        />
      </ContentHeader>
      {value && <RefreshFailed error={error} testId="tab-refresh-error" />}
      <EntitySummaryBody summary={summary} notConfiguredCard>
        {configured => (
          <ClusterTabs
            summary={configured}
            selected={selected}
            onSelect={setSelected}
            tick={tick}
          />
        )}
      </EntitySummaryBody>
    </Content>
  );
}
