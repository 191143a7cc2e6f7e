export { NodeClaimsTable, NODECLAIM_PAGE_SIZE } from './NodeClaimsTable';
