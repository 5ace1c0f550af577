// Problems both backends report the same way.
import { PortbotError } from '../errors.js';
import type { StoreProblem } from './store.js';

/** A migration refusal (a newer schema, an edited migration) as a problem, or undefined for anything else. */
export function schemaProblem(error: unknown): StoreProblem | undefined {
  if (error instanceof PortbotError && (error.code === 'store-newer-schema' || error.code === 'store-migration-changed')) {
    return { code: 'store-schema', message: error.message, cause: error };
  }
  return undefined;
}
