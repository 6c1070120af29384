export * from './audit.js';
export * from './derive.js';
export * from './enums.js';
export * from './limits.js';
export * from './permissions.js';
export * from './problem.js';
export * from './stakeholders.js';
export * from './users.js';
