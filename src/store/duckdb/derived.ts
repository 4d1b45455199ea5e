// The derived tables DuckDB keeps: every engine's, and the roll-ups.
import { DERIVED_TABLES, ROLLUP_TABLES, type DerivedTable } from '../derived.ts';

export const DUCKDB_DERIVED_TABLES: DerivedTable[] = [...DERIVED_TABLES, ...ROLLUP_TABLES];

export const DUCKDB_ROLLUPS: ReadonlySet<string> = new Set(
  ROLLUP_TABLES.map((table) => table.name),
);
