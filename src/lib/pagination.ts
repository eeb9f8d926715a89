// Cursor paging as API.md fixes it: `?limit=` 1..100 (default 20), `?cursor=` opaque, and
// `{ items, nextCursor }`. A cursor is the base64url JSON of the last row's sort key, so pages
// stay free of duplicates and gaps while rows are added.
import { z } from "zod";
import { ValidationError } from "./errors.ts";

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** Decodes a cursor and checks it has the expected shape; a forged or stale cursor is a 400. */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("The cursor is not one this API issued.", [
      { path: "cursor", message: "invalid cursor" },
    ]);
  }
}

/** Given `limit + 1` rows, returns the page and the cursor for the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => unknown,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
