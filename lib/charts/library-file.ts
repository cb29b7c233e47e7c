import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { CHART_LIBRARY_FILES, type ChartLibraryFile } from './libraries'

const read = new Map<ChartLibraryFile, Promise<Buffer>>()

const isLibraryFile = (name: string): name is ChartLibraryFile => Object.hasOwn(CHART_LIBRARY_FILES, name)

/**
 * A chart library's script as the package ships it, or null for any other name. Read once per
 * process: the files are a few megabytes and never change while the server runs.
 */
export function readChartLibrary(projectDir: string, name: string): Promise<Buffer> | null {
  if (!isLibraryFile(name)) return null
  let bytes = read.get(name)
  if (!bytes) {
    bytes = readFile(path.join(projectDir, 'node_modules', CHART_LIBRARY_FILES[name]))
    // A failed read is tried again on the next request rather than remembered.
    bytes.catch(() => read.delete(name))
    read.set(name, bytes)
  }
  return bytes
}
