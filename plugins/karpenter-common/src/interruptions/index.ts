export * from './reasons';
export * from './types';
export * from './aggregate';
export * from './queueStatus';
