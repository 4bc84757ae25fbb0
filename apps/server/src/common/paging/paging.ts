import { Equal, FindOptionsOrder, FindOptionsRelations, FindOptionsWhere, LessThan, ObjectLiteral, Repository } from 'typeorm';
import { Page, PageQuery } from '@linli/contracts';
import { CursorKey, cutPage, decodeCursor, PAGE_SIZE } from '@linli/domain';

/** A validated page request: where to start (null: the newest) and how many. */
export interface PageRequest {
  cursor: CursorKey | null;
  limit: number;
}

/** The request of a validated PageQueryDto (the DTO has rejected malformed values already). */
export function pageRequest(query: PageQuery = {}): PageRequest {
  return { cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit ?? PAGE_SIZE.default };
}

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * `where` narrowed to the rows after the cursor, newest first by (at, id):
 * `at < :at OR (at = :at AND id < :id)`, written as two OR-ed branches (no row-value comparison, which
 * SQLite and MariaDB do not both plan well). An index on (scope…, at) serves both branches.
 */
export function afterCursor<T extends ObjectLiteral>(where: Where<T>, cursor: CursorKey | null, at: keyof T & string = 'createdAt'): FindOptionsWhere<T>[] {
  const branches = Array.isArray(where) ? where : [where];
  if (!cursor) return branches;
  return branches.flatMap((w) => [
    { ...w, [at]: LessThan(cursor.at) } as FindOptionsWhere<T>,
    { ...w, [at]: Equal(cursor.at), id: LessThan(cursor.id) } as FindOptionsWhere<T>,
  ]);
}

/** The same condition for a query builder: `alias.at < :at OR (alias.at = :at AND alias.id < :id)`. */
export function cursorCondition(alias: string, cursor: CursorKey, at = 'createdAt', id = 'id'): [string, Record<string, unknown>] {
  return [`(${alias}.${at} < :pageAt OR (${alias}.${at} = :pageAt AND ${alias}.${id} < :pageId))`, { pageAt: cursor.at, pageId: cursor.id }];
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
