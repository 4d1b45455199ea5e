// Values reach ClickHouse 18.16 as literals (it has no query parameters): one escaping function.
import { describe, expect, it } from 'vitest';
import { bindValues, sqlLiteral } from '../../src/store/clickhouse/literal.ts';
import { booleansAsNumbers, portableStatement } from '../../src/store/clickhouse/portable.ts';

describe('ClickHouse literals', () => {
  it('quote strings and escape quotes, backslashes and control characters', () => {
    expect(sqlLiteral("l'aube")).toBe("'l\\'aube'");
    expect(sqlLiteral('a\\b')).toBe("'a\\\\b'");
    expect(sqlLiteral('line\nnext\ttab\0')).toBe("'line\\nnext\\ttab\\0'");
    // A value trying to close the string and add a statement stays one string.
    expect(sqlLiteral("x'; DROP TABLE posts; --")).toBe("'x\\'; DROP TABLE posts; --'");
  });

  it('write numbers, booleans and null as SQL, and refuse non-finite numbers', () => {
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-1.5)).toBe('-1.5');
    expect(sqlLiteral(true)).toBe('1');
    expect(sqlLiteral(false)).toBe('0');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(() => sqlLiteral(Number.NaN)).toThrow(/NaN/);
  });

  it('bind $n placeholders but leave those inside quoted text alone', () => {
    expect(bindValues('SELECT $1, \'$2\', "$3", $2', ['a', 7])).toBe("SELECT 'a', '$2', \"$3\", 7");
    expect(
      bindValues(
        'SELECT $10',
        Array.from({ length: 10 }, (_, i) => i),
      ),
    ).toBe('SELECT 9');
    expect(() => bindValues('SELECT $2', ['only one'])).toThrow(/\$2 has no value/);
  });
});

describe('portable statements', () => {
  it('turn deletions and updates into mutations, and a full deletion into a truncation', () => {
    expect(portableStatement('DELETE FROM "posts" WHERE import_id = $1')).toEqual({
      sql: 'ALTER TABLE "posts" DELETE WHERE import_id = $1',
      mutates: 'posts',
    });
    expect(portableStatement('DELETE FROM clicks')).toEqual({ sql: 'TRUNCATE TABLE clicks' });
    expect(portableStatement('UPDATE users SET disabled = true WHERE user_id = $1')).toEqual({
      sql: 'ALTER TABLE users UPDATE disabled = 1 WHERE user_id = $1',
      mutates: 'users',
    });
  });

  it('write booleans as 1 and 0 outside quoted text', () => {
    expect(booleansAsNumbers("SELECT true, 'true', NOT coalesce(x, FALSE)")).toBe(
      "SELECT 1, 'true', NOT coalesce(x, 0)",
    );
  });
});
