/** Wraps a pure function with a bounded cache (oldest entries leave first). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function memoize<F extends (...args: any[]) => any>(fn: F, keyOf: (...args: Parameters<F>) => string, limit?: number): F
