export { NodePoolsTable, sortNodePools } from './NodePoolsTable';
export { NodePoolDetails, ConditionList } from './NodePoolDetails';
