import type { Queryable, SqlParam } from '../db.js';

// PostgreSQL allows at most 65535 bind parameters per statement.
const MAX_PARAMS = 65_000;

/**
 * INSERT many rows with multi-row VALUES, split to stay under the parameter limit. `suffix`
 * (ON CONFLICT …, RETURNING …) is appended to every chunk; returned rows are concatenated.
 */
export async function insertMany<T = Record<string, unknown>>(
  tx: Queryable,
  head: string,
  rows: readonly (readonly SqlParam[])[],
  suffix = '',
): Promise<T[]> {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return [];
  const per = Math.max(1, Math.floor(MAX_PARAMS / width));
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: SqlParam[] = [];
    const values = chunk.map((r) => {
      const start = params.length;
      params.push(...r);
      return `(${r.map((_, j) => `$${start + j + 1}`).join(', ')})`;
    });
    const res = await tx.query<T>(`${head} VALUES ${values.join(', ')} ${suffix}`, params);
    out.push(...res.rows);
  }
  return out;
}
