/** A hand-written explanation of a networking idea, found by its id or any alias. */
export interface Concept {
  readonly id: string;
  readonly title: string;
  /** Words and questions people type for it, besides the id. */
  readonly aliases: readonly string[];
  /** Plain text; paragraphs separated by a blank line. */
  readonly text: string;
  readonly seeAlso: readonly string[];
}
