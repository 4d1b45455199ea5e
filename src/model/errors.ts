/** Where in a user's file a problem sits; every field a person needs to find and fix it. */
export interface Location {
  file?: string;
  line?: number;
  column?: string;
  value?: string;
  expected?: string;
  /** The refusal as a code with its values, for a page that words it in another language. */
  code?: RefusalCode;
  params?: Record<string, string | number>;
}

/**
 * Refusals the dashboard words itself in French and English, from the code and its params: the commonest
 * import refusals (Imports page), a period that has not started, an objective id taken or gone, a request
 * field that does not validate.
 */
export type RefusalCode =
  | 'unknown-format'
  | 'unknown-format-closest'
  | 'no-period'
  | 'bad-values'
  | 'no-rows'
  | 'totals-mismatch'
  | 'future-period'
  | 'objective-exists'
  | 'objective-missing'
  | 'invalid-parameter'
  | 'invalid-field';

/** A problem with what the user gave us (exit code 1, HTTP 400), as opposed to a bug of ours. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly location: Location = {},
    readonly details: InputError[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function describeLocation({ file, line, column }: Location): string {
  return [
    file,
    line !== undefined ? `line ${line}` : undefined,
    column !== undefined ? `column "${column}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}
