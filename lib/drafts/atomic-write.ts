import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** The temp files writeFileAtomic makes beside their target: `.<target name>.<12 hex>.tmp`. */
export const TEMP_FILE = /^\.(.+)\.[0-9a-f]{12}\.tmp$/

/**
 * Writes a file so that a crash at any moment leaves the old content or the new, never a mix:
 * a temp file in the same folder, flushed to disk, renamed over the target, folder flushed too.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  const folder = await open(dir, 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}
