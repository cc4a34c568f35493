import type { z } from 'zod';
import { formatPath, type PathSegment } from './problemPath.ts';
import type { PackProblem } from './schema.ts';

// Zod's issues as pack problems. Zod's own messages are used (zh-CN locale) except where a
// clearer one helps a pack author: a missing property, and unknown properties, named one by one.

/** The value at `path` inside `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Problems for a failed parse of `data`, found in `file`. `prefix` is prepended to every path: the
 * section name for files holding one list or map (`rules[3].recordType` in rules.yaml).
 */
export function zodProblems(error: z.ZodError, file: string, data: unknown, prefix: readonly PathSegment[] = []): PackProblem[] {
  return error.issues.flatMap((issue): PackProblem[] => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ file, path: formatPath([...prefix, ...path, key]), message: `未知属性“${key}”` }));
    }
    const last = path.at(-1);
    const missing = issue.code === 'invalid_type' && typeof last === 'string' && valueAt(data, path) === undefined;
    return [{ file, path: formatPath([...prefix, ...path]), message: missing ? `缺少必填属性“${last}”` : issue.message }];
  });
}
