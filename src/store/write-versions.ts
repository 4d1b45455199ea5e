// The data and access versions every store moves on after a write (see Store.dataVersion).

/**
 * Tables that say who may read, not what is read: a login or a new token leaves every answer true,
 * so writing only these keeps the data version (a stream of logins would otherwise empty the cache).
 */
const ACCESS_TABLES = new Set(['users', 'sessions', 'api_tokens']);

export class WriteVersions {
  data = 0;
  access = 0;

  /** Called once a write is over; `written` unknown (exclusive work) moves both versions. */
  afterWrite(written?: Set<string>): void {
    const tables = written ? [...written] : undefined;
    const onlyAccess =
      tables !== undefined && tables.length > 0 && tables.every((t) => ACCESS_TABLES.has(t));
    if (!onlyAccess) this.data++;
    if (!tables || tables.some((table) => ACCESS_TABLES.has(table))) this.access++;
  }
}
