import { InputError } from '../../model/index.ts';

/** Where a ClickHouse store lives, from clickhouse://user:password@host:8123/database. */
export interface ClickHouseLocation {
  /** http://host:port/, without credentials. */
  url: string;
  user: string;
  password: string;
  database: string;
}

export const isClickHouseLocation = (location: string) => location.startsWith('clickhouse://');

export function parseClickHouseLocation(location: string): ClickHouseLocation {
  let parsed: URL;
  try {
    parsed = new URL(location.replace(/^clickhouse:/, 'http:'));
  } catch {
    throw new InputError(
      `the store address must read like clickhouse://user:password@host:8123/database, got "${location}"`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'default';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database))
    throw new InputError(
      `the database name in "${location}" may hold only letters, digits and underscores`,
    );
  return {
    url: `http://${parsed.hostname}:${parsed.port || '8123'}/`,
    user: decodeURIComponent(parsed.username) || 'default',
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The address without its password, to print. */
export function describeLocation(location: ClickHouseLocation): string {
  return `clickhouse://${location.user}@${location.url.replace(/^http:\/\//, '').replace(/\/$/, '')}/${location.database}`;
}
