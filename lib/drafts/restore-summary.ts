import type { Revision } from './git'

export type RestoreSummary = { revision: { id: string; date: string }; message: string; missingImages: string[] }

/** What a restore brought back, in the words the editor shows (the minute as the committer's clock read it). */
export function restoreSummary(revision: Revision, missingImages: string[]): RestoreSummary {
  const id = revision.commit.slice(0, 7)
  const date = revision.date.slice(0, 16).replace('T', ' ')
  const one = missingImages.length === 1
  const images =
    missingImages.length === 0
      ? ''
      : ` ${one ? 'An image it shows is' : `${missingImages.length} images it shows are`} no longer on the server: ${missingImages.join(', ')}. Upload ${one ? 'it' : 'them'} again or remove ${one ? 'that line' : 'those lines'}.`
  return { revision: { id, date }, message: `Restored the text of ${date} (${id}).${images}`, missingImages }
}
