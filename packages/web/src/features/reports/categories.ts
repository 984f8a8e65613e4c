/**
 * The server's value for "a case that fits none of the categories" (reports.inputs.ts): one value
 * in every language, so handlers can filter by it; each page shows it in the reader's language.
 */
export const OTHER_CATEGORY = 'Other';

/** A report's category as a reader sees it. */
export function categoryLabel(category: string, other: string): string {
  return category === OTHER_CATEGORY ? other : category;
}

/** The organisation's categories, then "Other" when it is offered (and not already listed). */
export function categoryOptions(
  categories: readonly string[],
  offerOther: boolean,
  other: string,
): Array<{ value: string; label: string }> {
  const options = categories.map((value) => ({ value, label: categoryLabel(value, other) }));
  if (offerOther && categories.length && !categories.includes(OTHER_CATEGORY)) {
    options.push({ value: OTHER_CATEGORY, label: other });
  }
  return options;
}
