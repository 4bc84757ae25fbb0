import {
  Equal,
  FindOptionsOrder,
  FindOptionsRelations,
  FindOptionsWhere,
  LessThan,
  LessThanOrEqual,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { Page, PageQuery } from '@linli/contracts';
import { CursorKey, cutPage, decodeCursor, PAGE_SIZE } from '@linli/domain';

/** A validated page request: where to start (null: the newest) and how many. */
export interface PageRequest {
  cursor: CursorKey | null;
  limit: number;
}

/** The request of a validated PageQueryDto (the DTO has rejected malformed values already). */
export function pageRequest(query: PageQuery = {}): PageRequest {
  return {
    cursor: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit ?? PAGE_SIZE.default,
  };
}

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * `where` narrowed to the rows after the cursor, newest first by (at, id):
 * `at < :at OR (at = :at AND id < :id)`, written as two OR-ed branches (no row-value comparison, which
 * SQLite and MariaDB do not both plan well). An index on (scope…, at) serves both branches.
 */
export function afterCursor<T extends ObjectLiteral>(
  where: Where<T>,
  cursor: CursorKey | null,
  at: keyof T & string = 'createdAt',
): FindOptionsWhere<T>[] {
  const branches = Array.isArray(where) ? where : [where];
  if (!cursor) return branches;
  return branches.flatMap((w) => [
    { ...w, [at]: LessThan(cursor.at) } as FindOptionsWhere<T>,
    { ...w, [at]: Equal(cursor.at), id: LessThan(cursor.id) } as FindOptionsWhere<T>,
  ]);
}

/** The same condition for a query builder: `alias.at < :at OR (alias.at = :at AND alias.id < :id)`. */
export function cursorCondition(
  alias: string,
  cursor: CursorKey,
  at = 'createdAt',
  id = 'id',
): [string, Record<string, unknown>] {
  return [
    `(${alias}.${at} < :pageAt OR (${alias}.${at} = :pageAt AND ${alias}.${id} < :pageId))`,
    { pageAt: cursor.at, pageId: cursor.id },
  ];
}

/** One page of a repository's rows, newest first by (at, id), mapped to DTOs. */
export async function findPage<T extends ObjectLiteral & { id: string }, D>(
  repo: Repository<T>,
  where: Where<T>,
  request: PageRequest,
  map: (rows: T[]) => D[] | Promise<D[]>,
  options: { at?: keyof T & string; relations?: FindOptionsRelations<T> } = {},
): Promise<Page<D>> {
  const at = options.at ?? 'createdAt';
  const rows = await repo.find({
    where: afterCursor(where, request.cursor, at),
    relations: options.relations,
    order: { [at]: 'DESC', id: 'DESC' } as FindOptionsOrder<T>,
    take: request.limit + 1,
  });
  const page = cutPage(rows, request.limit, (r) => ({ at: r[at] as Date, id: r.id }));
  return { items: await map(page.items), nextCursor: page.nextCursor };
}

/** An empty page (the caller reaches nothing). */
export const emptyPage = <D>(): Page<D> => ({ items: [], nextCursor: null });

/**
 * For a list merged from several tables (e.g. a household's timeline): each table is a source with a
 * one-character prefix, and an entry's cursor id is the prefix followed by its row's id, so entries of the
 * same instant are ordered by source, then by id. This narrows one source's rows to those after the cursor.
 */
export function afterMergedCursor<T extends ObjectLiteral>(
  where: Where<T>,
  cursor: CursorKey | null,
  prefix: string,
  at: keyof T & string,
): FindOptionsWhere<T>[] {
  const branches = Array.isArray(where) ? where : [where];
  if (!cursor) return branches;
  const source = cursor.id.slice(0, 1);
  // The cursor is in this source: the usual (at, id) condition on the rest of its id.
  if (source === prefix)
    return afterCursor(branches, { at: cursor.at, id: cursor.id.slice(1) }, at);
  // Another source: at the cursor's instant, a source with a smaller prefix comes after it, a greater one before.
  return branches.map(
    (w) =>
      ({
        ...w,
        [at]: prefix < source ? LessThanOrEqual(cursor.at) : LessThan(cursor.at),
      }) as FindOptionsWhere<T>,
  );
}
