export * from './annotations';
