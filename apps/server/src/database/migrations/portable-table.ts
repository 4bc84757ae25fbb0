import {
  ColumnType,
  QueryRunner,
  Table,
  TableColumn,
  TableColumnOptions,
  TableOptions,
} from 'typeorm';

/**
 * A Table whose column types are translated by the connected driver, as TypeORM does for entity columns
 * ('int' → SQLite 'integer', 'simple-enum' → MySQL ENUM / SQLite varchar with a CHECK, 'boolean' →
 * MySQL tinyint). Migrations written with it run unchanged on SQLite and MySQL/MariaDB.
 */
export function portableTable(db: QueryRunner, options: TableOptions): Table {
  const driver = db.connection.driver;
  return new Table({
    ...options,
    columns: options.columns?.map((column) => ({
      ...column,
      type: driver.normalizeType({
        type: column.type as ColumnType,
        length: column.length,
        precision: column.precision,
      }),
    })),
  });
}

/** One column for addColumn, translated by the connected driver like portableTable's. */
export function portableColumn(db: QueryRunner, options: TableColumnOptions): TableColumn {
  const type = db.connection.driver.normalizeType({
    type: options.type as ColumnType,
    length: options.length,
    precision: options.precision,
  });
  return new TableColumn({ ...options, type });
}
