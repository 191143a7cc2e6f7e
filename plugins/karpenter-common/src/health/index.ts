export * from './types';
export * from './quantity';
export * from './conditions';
export * from './budgets';
export * from './evaluate';
