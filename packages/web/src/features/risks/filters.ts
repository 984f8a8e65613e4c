/** The filled-in fields of a filter form, as the page's search parameters (empty ones left out). */
export function filterParams(form: HTMLFormElement, names: readonly string[]): URLSearchParams {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const name of names) {
    const value = String(data.get(name) ?? '').trim();
    if (value) params.set(name, value);
  }
  return params;
}
