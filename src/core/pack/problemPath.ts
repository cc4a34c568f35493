// Paths inside a pack file, as problems name them: `fields[2].options`, `rules[3].where[0].field`.
// Formatted for people, and parsed back so that the loader can find the line a problem is on.

export type PathSegment = string | number;

/** `['fields', 2, 'options']` → `fields[2].options`; the empty path is the whole file. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** The inverse of formatPath for the identifiers packs use (no dots or brackets inside keys). */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
