import type { Validate } from './validators';
export declare const validateConfig: Validate;
