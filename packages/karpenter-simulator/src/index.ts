/**
 * A simulated Karpenter cluster: Kubernetes API, SQS and the AWS pricing APIs (Price List
 * GetProducts, EC2 DescribeSpotPriceHistory) on loopback.
 *
 * @packageDocumentation
 */
export { startSimulator, Simulator } from './Simulator';
export { startControlServer } from './control';
export type {
  SimulatorOptions,
  SimulatedClusterInfo,
  ClusterHandle,
} from './Simulator';
export type {
  EventObjectReference,
  Fault,
  KarpenterTaint,
  KindObjects,
  KubeObject,
  NodeCondition,
  ObjectMeta,
  ObjectOf,
  ObjectOfKind,
  PodAffinityTerm,
  PodCondition,
  PodSchedulingSpec,
  RequestLogEntry,
  SimEvent,
  SimNamespace,
  SimNode,
  SimPod,
  Stored,
  StoredEC2NodeClass,
  StoredKinds,
  StoredNodeClaim,
  StoredNodePool,
  StoredPlural,
  Toleration,
} from './k8s/types';
export type {
  Scenario,
  ScenarioCluster,
  ScenarioFault,
  ScenarioNodeGroup,
  ScenarioNodePool,
  ScenarioPricing,
  TimelineStep,
} from './scenario/types';
export { loadScenario, shippedScenarios } from './scenario/load';
export { SimCluster } from './SimCluster';
export type { PriceTable } from './pricing/priceTable';
