import { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column shapes shared by the migrations. FROZEN and append-only: a migration that has shipped must
 * build the same schema forever, so never change what a helper returns; add a new helper instead.
 * (Older migrations that declared their own variants keep them.)
 */

/** A reference to another row's id (uuid as varchar 36). */
export const ref = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});

/** A short text of at most `length` characters. */
export const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});

/** An instant, to the millisecond (UTC; `timezone: 'Z'` on MySQL). */
export const instant = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});

/** A foreign key to another table's id, with the given ON DELETE and ON UPDATE RESTRICT. */
export const fk = (
  name: string,
  column: string,
  table: string,
  onDelete: string,
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});
