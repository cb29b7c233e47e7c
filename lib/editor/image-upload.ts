import { noteApiUrl } from './api'

/** Uploads a pasted, dropped or picked image under the note's address; returns its Markdown. */
export async function uploadNoteImage(slug: string | null, file: File, say: (notice: string) => void): Promise<string | null> {
  if (!slug) {
    say('Give the note a title before adding images (they are stored under its address).')
    return null
  }
  say(`Uploading ${file.name || 'image'}…`)
  const form = new FormData()
  form.append('file', file)
  try {
    const response = await fetch(noteApiUrl(slug, 'images'), { method: 'POST', body: form })
    const data = (await response.json()) as { markdown?: string; error?: string }
    if (!response.ok || !data.markdown) {
      say(`Image not added: ${data.error ?? `the server answered ${response.status}`}`)
      return null
    }
    say('Image added. Describe it in the [brackets]: that text is its alt text for readers who cannot see it.')
    return data.markdown
  } catch {
    say('Image not added: the server cannot be reached.')
    return null
  }
}
