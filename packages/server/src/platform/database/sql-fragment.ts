import { prepared, type PreparedRun, type PreparedValue } from './prepared.js';

const parts = new WeakMap<SqlFragment, { text: string; values: readonly PreparedValue[] }>();

/**
 * A piece of SQL (a CTE, a select list) with its `?` values, made by the feature that owns the
 * tables it reads and spliced by another feature into one statement of its own (a page read in
 * one round trip). Opaque: whoever splices it can neither read nor change its text, so the
 * owner's table and column names stay the owner's; it comes with the owner's typed decoder for
 * the columns it adds.
 */
export class SqlFragment {
  private constructor() {}

  /** Only the owning feature writes the text (literal SQL, `?` for each of `values`). */
  static of(text: string, values: readonly PreparedValue[] = []): SqlFragment {
    const fragment = new SqlFragment();
    parts.set(fragment, { text, values: Object.freeze([...values]) });
    return Object.freeze(fragment);
  }

  /** Nothing: for a part a statement leaves out this time. */
  static readonly EMPTY = SqlFragment.of('');
}

/**
 * SQL written as a template: the caller's own text, with fragments spliced in where they stand
 * and every other interpolation passed as a `?` value, in order.
 */
export function sql(
  strings: TemplateStringsArray,
  ...interpolated: ReadonlyArray<SqlFragment | PreparedValue>
): SqlFragment {
  let text = strings[0]!;
  const values: PreparedValue[] = [];
  interpolated.forEach((part, index) => {
    if (part instanceof SqlFragment) {
      const fragment = parts.get(part)!;
      text += fragment.text;
      values.push(...fragment.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[index + 1]!;
  });
  return SqlFragment.of(text, values);
}

/** A whole statement as a fragment, ready for `executePrepared…`. */
export function preparedRun(statement: SqlFragment): PreparedRun {
  const { text, values } = parts.get(statement)!;
  return { statement: prepared(text), values };
}
