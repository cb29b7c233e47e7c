/**
 * Wraps a pure function with a bounded cache (oldest entries leave first). The preview worker
 * uses it for KaTeX: a note's formulas rarely change between two previews, and rendering them
 * is most of a compile.
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {(...args: Parameters<F>) => string} keyOf
 * @param {number} [limit]
 * @returns {F}
 */
export function memoize(fn, keyOf, limit = 5_000) {
  const cache = new Map()
  return /** @type {F} */ (
    (/** @type {Parameters<F>} */ ...args) => {
      const key = keyOf(...args)
      if (cache.has(key)) return cache.get(key)
      const value = fn(...args)
      if (cache.size >= limit) cache.delete(cache.keys().next().value)
      cache.set(key, value)
      return value
    }
  )
}
