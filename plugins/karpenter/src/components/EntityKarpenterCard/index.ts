export { EntityKarpenterCard } from './EntityKarpenterCard';
