/**
 * A JSON text column read back (segments, churn reasons, settings): the value, or the fallback
 * when the column is empty or not valid JSON, so one damaged row does not fail a whole page.
 */
export function parseJsonColumn<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
