export * from './model';
export * from './contract';
export * from './investigation';
export * from './errors';
export * from './validate';
export * from './connections';
export * from './security';
