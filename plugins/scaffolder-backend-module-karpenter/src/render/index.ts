export {
  DEFAULT_MODULE_SOURCE_KEY,
  moduleSourceOf,
  renderKarpenterRepository,
  renderNodePoolFiles,
  renderTerraformFiles,
} from './render';
export type { RenderOptions } from './render';
export { writeRenderedFiles } from './files';
export type { RenderedFile } from './files';
export { KarpenterInputError, valueOrThrow } from './errors';
export { hclString, fromHclJsonString } from './hcl/escape';
export { renderValuesFile, VALUES_FILE } from './values';
