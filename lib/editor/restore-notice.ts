/**
 * What a restore said (which revision came back, which of its images are gone), carried to the
 * editor it opens: a new page, so through this tab's sessionStorage, shown once.
 */
const keyOf = (slug: string) => `note-restored:${slug}`

export function keepRestoreNotice(storage: Pick<Storage, 'setItem'>, slug: string, message: string): void {
  try {
    storage.setItem(keyOf(slug), message)
  } catch {
    // Storage disabled: the editor opens without the notice; the history page still lists the restore.
  }
}

export function takeRestoreNotice(storage: Pick<Storage, 'getItem' | 'removeItem'>, slug: string): string | null {
  try {
    const message = storage.getItem(keyOf(slug))
    storage.removeItem(keyOf(slug))
    return message
  } catch {
    return null
  }
}
