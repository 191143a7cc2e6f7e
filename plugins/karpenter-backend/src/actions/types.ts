import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { ClusterAccess } from '../services/ClusterAccess';
import { ClusterRegistry } from '../services/ClusterRegistry';
import { EntitySummaries } from '../services/EntitySummaries';
import { InterruptionHistory } from '../services/InterruptionHistory';
import { SummaryService } from '../services/SummaryService';

/** The zod the actions registry hands to schema builders. @internal */
export type ActionZod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** What the Karpenter actions read through (the same services as the HTTP API). @internal */
export interface KarpenterActionsOptions {
  actionsRegistry: ActionsRegistryService;
  access: ClusterAccess;
  registry: ClusterRegistry;
  summaries: SummaryService;
  entities: EntitySummaries;
  history: InterruptionHistory;
}
