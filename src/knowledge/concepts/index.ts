import { basicConcepts } from './basics.js';
import type { Concept } from './entry.js';
import { scanningConcepts } from './scanning.js';

export type { Concept } from './entry.js';

export const concepts: readonly Concept[] = [...basicConcepts, ...scanningConcepts];
