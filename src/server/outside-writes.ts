// Writes that bypass the HTTP routes (`cadran` commands the server runs for the command line) make
// the short-lived lookup caches (sessions, tokens, links) read the store again at once.
let outsideWrites = 0;

export function noteOutsideWrite(): void {
  outsideWrites++;
}

/** A count that changes after every outside write: a cached entry is fresh while it stays equal. */
export function outsideWriteCount(): number {
  return outsideWrites;
}
