export { EntityKarpenterContent } from './EntityKarpenterContent';
