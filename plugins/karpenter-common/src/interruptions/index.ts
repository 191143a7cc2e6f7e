export * from './reasons';
export * from './types';
export * from './aggregate';
export * from './counting';
export * from './queueStatus';
