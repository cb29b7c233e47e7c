/**
 * `next start` (or a host running the build), not `next dev`, nor `next build` loading the app to
 * prerender it. `process.env.NODE_ENV` is written out in full so that Next replaces it with the
 * build's mode: a production build run with NODE_ENV=development is still checked.
 */
export function isProductionServer(): boolean {
  return process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'
}
