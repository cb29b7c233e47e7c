import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import { importBoundaries } from './tools/eslint/import-boundaries.mjs'

const config = [
  ...nextVitals,
  ...nextTypescript,
  ...importBoundaries(import.meta.dirname),
  {
    ignores: ['.bench/**', '.next/**', '.next-*/**', '.contentlayer/**', '.test-content/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
]

export default config
