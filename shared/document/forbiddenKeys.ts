/**
 * Keys that could reach `Object.prototype` when a document is merged, spread or patched
 * (Immer CVE-2020-28477, quality.md S3). They have no meaning in the format, so a file
 * carrying one is refused instead of silently cleaned.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN.has(key)
}

/** Paths of every forbidden key in a parsed JSON value (depth already bounded by the caller). */
export function findForbiddenKeys(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = []
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]))
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN.has(key)) found.push([...path, key])
        else visit((node as Record<string, unknown>)[key], [...path, key])
      }
    }
  }
  visit(value, [])
  return found
}
