import type { Validate } from './validators';
export declare const validateCase: Validate;
