// A WHERE clause built from fixed column expressions and bound values only: user text never enters the SQL.
import { addDays, type Period } from '../model/index.ts';
import type { Dialect } from './dialect.ts';
import type { SqlValue } from './types.ts';

export class Where {
  readonly params: SqlValue[] = [];
  private readonly conditions: string[] = [];

  constructor(private readonly dialect: Dialect) {}

  /** A placeholder for the value. */
  bind(value: SqlValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** Keeps rows whose column is one of the values; nothing when the list is empty. */
  oneOf(column: string, values: readonly string[] | undefined): this {
    if (values?.length)
      this.add(`${column} IN (${values.map((value) => this.bind(value)).join(', ')})`);
    return this;
  }

  /** Whole days, both ends included, on a timestamp column. */
  during(column: string, period: Period): this {
    return this.add(
      `${column} >= ${this.dialect.timestamp(this.bind(period.from))} AND ${column} < ${this.dialect.timestamp(this.bind(addDays(period.to, 1)))}`,
    );
  }

  /** Keeps rows whose text contains the value, whatever the case. */
  containing(column: string, text: string): this {
    return this.add(this.dialect.containsText(column, this.bind(text)));
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
