import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { CHART_LIBRARY_FILES, type ChartLibraryFile } from './libraries'

export type LibraryEncoding = 'br' | 'gzip' | 'identity'

const compressors: Record<Exclude<LibraryEncoding, 'identity'>, (bytes: Buffer) => Promise<Buffer>> = {
  // Quality 9 rather than 11: within a few per cent of the smallest, in a fraction of the time.
  br: (bytes) => promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 9 }),
}

const cached = new Map<string, Promise<Buffer>>()

const isLibraryFile = (name: string): name is ChartLibraryFile => Object.hasOwn(CHART_LIBRARY_FILES, name)

/** Remembers a file's bytes once per process; a failure is tried again on the next request. */
function remember(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
  let bytes = cached.get(key)
  if (!bytes) {
    bytes = load()
    bytes.catch(() => cached.delete(key))
    cached.set(key, bytes)
  }
  return bytes
}

/** The best encoding a request accepts: Brotli, then gzip, else the file as it is. */
export function chooseEncoding(acceptEncoding: string | null): LibraryEncoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param)))
      .map(([token]) => token.trim().toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return 'identity'
}

/**
 * A chart library's script as the package ships it, compressed as asked, or null for any other
 * name. Read and compressed once per process: the files are megabytes (Plotly's is 4.5 MB, 1.1 MB
 * in Brotli) and never change while the server runs, and Next does not compress route responses.
 */
export function readChartLibrary(projectDir: string, name: string, encoding: LibraryEncoding = 'identity'): Promise<Buffer> | null {
  if (!isLibraryFile(name)) return null
  const original = () => remember(name, () => readFile(path.join(projectDir, 'node_modules', CHART_LIBRARY_FILES[name])))
  if (encoding === 'identity') return original()
  return remember(`${name}\0${encoding}`, async () => compressors[encoding](await original()))
}
