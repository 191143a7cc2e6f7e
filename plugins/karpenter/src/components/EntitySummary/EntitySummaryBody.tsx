import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntitySummary } from '@karpenter-backstage/plugin-karpenter-common';
import { ReactNode } from 'react';
import { PolledData } from '../../hooks';
import { NotConfigured } from './NotConfigured';

/**
 * The body of a view of the entity's summary (the card, the tab): progress until the first
 * answer, the error when no summary came, what to add to catalog-info.yaml when the entity is
 * not configured, and otherwise `children` with the summary. `notConfiguredCard`: put the
 * not-configured message on a card of its own (the tab; the entity card is one already).
 *
 * @internal
 */
export function EntitySummaryBody(props: {
  summary: PolledData<EntitySummary>;
  notConfiguredCard?: boolean;
  children: (summary: EntitySummary) => ReactNode;
}) {
  const { value, error, loading } = props.summary;
  if (loading) return <Progress />;
  if (!value && error) return <ResponseErrorPanel error={error} />;
  if (!value || value.status === 'not-configured') {
    const notConfigured = <NotConfigured message={value?.message} />;
    return props.notConfiguredCard ? (
      <InfoCard title="Karpenter">{notConfigured}</InfoCard>
    ) : (
      notConfigured
    );
  }
  return <>{props.children(value)}</>;
}
