/** The URL if it is an absolute http(s) URL, else null (no javascript:, data:, relative tricks). */
export function safeHttpUrl(s: unknown): string | null {
  if (typeof s !== 'string' || s.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}
