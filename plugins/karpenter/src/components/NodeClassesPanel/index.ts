export { NodeClassesPanel } from './NodeClassesPanel';
