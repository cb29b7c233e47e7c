// The import boundaries of the project as ESLint rules, so they fail `npm test` instead of
// drifting: see the rules' files for what each one enforces.
import { clientServer } from './rules/client-server.mjs'
import { direction } from './rules/direction.mjs'
import { gateway } from './rules/gateway.mjs'

const plugin = { meta: { name: 'import-boundaries' }, rules: { direction, 'client-server': clientServer, gateway } }

const GATEWAYS = [
  { module: 'contentlayer/generated', only: 'lib/content/' },
  { module: 'next-auth', only: 'lib/auth/', client: ['next-auth/react'] },
  { module: 'isomorphic-git', only: 'lib/drafts/remote/' },
]

/**
 * Flat-config entries enforcing the boundaries in the project at `root`.
 * @param {string} root
 * @returns {import('eslint').Linter.Config[]}
 */
export function importBoundaries(root) {
  return [
    { plugins: { 'import-boundaries': plugin }, settings: { 'import-boundaries': { root } } },
    {
      files: ['app/**', 'components/**', 'lib/**'],
      rules: { 'import-boundaries/direction': 'error', 'import-boundaries/client-server': 'error' },
    },
    {
      files: ['**/*.{ts,tsx,mts,js,mjs,jsx}'],
      // Tests reach behind gateways on purpose (forging a session token, reading the build).
      ignores: ['tests/**'],
      rules: { 'import-boundaries/gateway': ['error', ...GATEWAYS] },
    },
  ]
}
