export * from './errors';
export * from './roles';
export * from './tickets';
export * from './auth';
export * from './system';
export * from './api';
export * from './households';
export * from './sla';
