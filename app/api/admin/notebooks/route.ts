import path from 'node:path'
import { adminJson, adminRoute } from '@/lib/admin/http'
import { EditorError } from '@/lib/drafts/service'
import { importNotebook, MAX_NOTEBOOK_BYTES } from '@/lib/notebooks/import'

/** A Jupyter notebook uploaded in the admin becomes a new draft (see lib/notebooks/import.ts). */
export async function POST(request: Request) {
  return adminRoute(request, async () => {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_NOTEBOOK_BYTES + 64 * 1024) {
      throw new EditorError(413, 'The notebook is larger than 20 MB.')
    }
    let file: FormDataEntryValue | null
    try {
      file = (await request.formData()).get('notebook')
    } catch {
      throw new EditorError(400, 'The upload is not a form with a file.')
    }
    if (!(file instanceof File) || file.size === 0) throw new EditorError(400, 'Choose an .ipynb file to import.')
    if (!/\.ipynb$/i.test(file.name)) throw new EditorError(400, `${file.name} is not a Jupyter notebook (.ipynb).`)
    const publicDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'public')
    const imported = await importNotebook(file.name, new Uint8Array(await file.arrayBuffer()), publicDir)
    return adminJson(imported, 201)
  })
}
