import { adminJson, adminRoute, readUpload } from '@/lib/admin/http'
import { EditorError } from '@/lib/drafts/service'
import { shareStore } from '@/lib/drafts/store-instance'
import { importNotebook } from '@/lib/admin/notebook-import'
import { MAX_NOTEBOOK_BYTES, MAX_NOTEBOOK_REQUEST_BYTES } from '@/lib/notebooks/upload-limit.mjs'
import { noteImagesRoot } from '@/lib/drafts/site-images'

/** A Jupyter notebook uploaded in the admin becomes a new draft (see lib/notebooks/import.ts). */
export async function POST(request: Request) {
  return adminRoute(request, async () => {
    const tooLarge = `The notebook is larger than ${MAX_NOTEBOOK_BYTES / 1_000_000} MB; clear large outputs in Jupyter, or split it.`
    const file = (await readUpload(request, MAX_NOTEBOOK_REQUEST_BYTES, tooLarge)).get('notebook')
    if (!(file instanceof File) || file.size === 0) throw new EditorError(400, 'Choose an .ipynb file to import.')
    if (file.size > MAX_NOTEBOOK_BYTES) throw new EditorError(413, tooLarge)
    if (!/\.ipynb$/i.test(file.name)) throw new EditorError(400, `${file.name} is not a Jupyter notebook (.ipynb).`)
    const imported = await importNotebook(file.name, new Uint8Array(await file.arrayBuffer()), noteImagesRoot())
    await shareStore().revokeNote(imported.slug)
    return adminJson(imported, 201)
  })
}
