// A WHERE clause built from fixed column expressions and bound values only: user text never enters the SQL.
import { addDays, type Period } from '../../model/index.ts';
import type { SqlValue } from '../../store/index.ts';

export class Where {
  readonly params: SqlValue[] = [];
  private readonly conditions: string[] = [];

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
      `${column} >= CAST(${this.bind(period.from)} AS TIMESTAMP) AND ${column} < CAST(${this.bind(addDays(period.to, 1))} AS TIMESTAMP)`,
    );
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
