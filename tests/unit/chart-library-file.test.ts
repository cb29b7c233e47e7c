import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseEncoding, readChartLibrary } from '@/lib/charts/library-file'
import { CHART_LIBRARY_FILES } from '@/lib/charts/libraries'

const root = process.cwd()
const [name, shipped] = Object.entries(CHART_LIBRARY_FILES).find(([file]) => file.startsWith('vega-embed'))!

describe('chart library files', () => {
  it('picks Brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip, deflate')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('br;q=0.0, gzip;q=0')).toBe('identity')
    expect(chooseEncoding(null)).toBe('identity')
  })

  it('serves the shipped bytes, compressed so that they decompress to exactly those bytes', async () => {
    const original = readFileSync(path.join(root, 'node_modules', shipped))
    expect(Buffer.compare((await readChartLibrary(root, name))!, original)).toBe(0)
    const br = (await readChartLibrary(root, name, 'br'))!
    const gz = (await readChartLibrary(root, name, 'gzip'))!
    expect(Buffer.compare(brotliDecompressSync(br), original)).toBe(0)
    expect(Buffer.compare(gunzipSync(gz), original)).toBe(0)
    expect(br.length).toBeLessThan(original.length / 3)
  })

  it('knows no other file', () => {
    expect(readChartLibrary(root, 'package.json')).toBeNull()
    expect(readChartLibrary(root, '../package.json', 'gzip')).toBeNull()
  })
})
