export { ApiError, NETWORK_STATUS } from './ApiError.js';
export { api } from './client.js';
export type * from './types.js';
