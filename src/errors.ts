// Two kinds of failure. A Problem is an expected outcome shown to the person who asked (bad input,
// a refusal): a value with a code and one line of text. A PortbotError is a bug or broken
// infrastructure: thrown, with a code and the original cause kept for the logs.

/** Input that cannot be parsed: CLI exit code 2. */
export interface InputProblem {
  readonly kind: 'input';
  /** `unresolvable-target`: a name with no address (a typo, usually), which is not a policy decision. */
  readonly code: 'invalid-ports' | 'invalid-target' | 'unresolvable-target' | 'invalid-command' | 'unknown-topic';
  /** One line: what was wrong and what would be right, with an example. */
  readonly message: string;
  /**
   * What the person most likely meant ("ssh" for "shh"), when `message` only says what was wrong:
   * chat answers offer it as a did-you-mean, the CLI's one line ends with it.
   */
  readonly suggestion?: string;
}

/** Refused by policy: CLI exit code 3. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly code:
    | 'no-allowlist'
    | 'target-denied'
    | 'target-not-allowed'
    | 'not-authorised'
    | 'rate-limited'
    | 'too-many-ports'
    | 'too-many-addresses'
    | 'too-many-scans'
    | 'watch-too-frequent';
  /** One line that says what to do next (wait, ask the operator, narrow the scan). */
  readonly message: string;
  /** The target, as the user wrote it, that caused the refusal, when there is one. */
  readonly target?: string;
}

export type Problem = InputProblem | Refusal;

export const inputProblem = (code: InputProblem['code'], message: string, suggestion?: string): InputProblem =>
  suggestion === undefined ? { kind: 'input', code, message } : { kind: 'input', code, message, suggestion };

/** An input problem as one line: what was wrong, then the did-you-mean when there is one. */
export const problemLine = (problem: Problem): string =>
  problem.kind === 'input' && problem.suggestion !== undefined ? `${problem.message} Did you mean "${problem.suggestion}"?` : problem.message;
export const refusal = (code: Refusal['code'], message: string, target?: string): Refusal =>
  target === undefined ? { kind: 'refusal', code, message } : { kind: 'refusal', code, message, target };

export class PortbotError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PortbotError';
    this.code = code;
  }
}
