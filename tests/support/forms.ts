/** A FormData with these fields, as a form posts them to a server action (every value a string). */
export function formData(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}
