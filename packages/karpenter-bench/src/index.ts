/**
 * The benchmark behind `yarn bench` (entry point: src/main.ts).
 *
 * @packageDocumentation
 */
export { runSize } from './runSize';
export type { SizeResult } from './runSize';
export { runFrontend } from './frontend';
export type { FrontendResult } from './frontend';
export { renderMarkdown } from './report';
export { renderChartSvg, writeChartPng } from './chart';
export { SIZES, SMOKE, scenarioFor } from './sizes';
export type { BenchSize } from './sizes';
