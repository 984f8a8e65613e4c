import { renderMarkdown } from './markdown.js';

/** Runs one statement in the caller's transaction and gives its rows (a migration's `execute`). */
export type RunStatement = (
  sql: string,
  params?: unknown[],
) => Promise<Array<Record<string, unknown>>>;

/** Tables whose rows keep their Markdown `body` beside its rendering, `body_html`. */
export type BodyTable = 'thread' | 'post';

const BATCH = 2000;

/**
 * Renders `body_html` again from `body` for every row of a table, in batches by id. Readers get
 * the stored rendering, so a migration that changes what `renderMarkdown` produces must call
 * this for each table (the Markdown stays the source of truth; the HTML is derived from it).
 */
export async function rerenderStoredHtml(run: RunStatement, table: BodyTable): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let rendered = 0;
  for (;;) {
    const rows = await run(`select id, body from ${table} where id > ? order by id limit ?`, [
      after,
      BATCH,
    ]);
    if (rows.length === 0) return rendered;
    const html = rows.map((row) => ({ id: row.id, html: renderMarkdown(String(row.body)) }));
    // One JSON parameter for the whole batch: no array quoting, whatever the text holds.
    await run(
      `update ${table} t set body_html = v.html
       from json_to_recordset(?::json) as v(id uuid, html text) where t.id = v.id`,
      [JSON.stringify(html)],
    );
    rendered += rows.length;
    after = String(rows[rows.length - 1]!.id);
  }
}
