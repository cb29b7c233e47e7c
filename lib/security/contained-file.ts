import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * The bytes of `<folder>/<slug>/<name>`, or null when it is missing or, once links are resolved,
 * not exactly there (a link pointing out of the folder). Callers validate `slug` and `name` first.
 */
export async function readContainedFile(folder: string, slug: string, name: string): Promise<Buffer | null> {
  try {
    const root = await realpath(folder)
    const file = await realpath(path.join(root, slug, name))
    if (path.dirname(path.dirname(file)) !== root) return null
    return await readFile(file)
  } catch {
    return null
  }
}

/** Whether `<folder>/<slug>/<name>` is a file exactly there (the same checks as readContainedFile). */
export async function containedFileExists(folder: string, slug: string, name: string): Promise<boolean> {
  try {
    const root = await realpath(folder)
    const file = await realpath(path.join(root, slug, name))
    return path.dirname(path.dirname(file)) === root && (await stat(file)).isFile()
  } catch {
    return false
  }
}
