import { adminJson, adminRoute } from '@/lib/admin/http'
import { uploadNoteImage } from '@/lib/drafts/site-images'
import { ImageError, MAX_IMAGE_BYTES } from '@/lib/notes/image-type'

type Context = { params: Promise<{ slug: string }> }

/** An image pasted or dropped into the editor: checked by its content, stored with the note. */
export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    if (Number(request.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES + 64 * 1024) {
      return adminJson({ error: 'The image is larger than 5 MB; resize or compress it first.' }, 413)
    }
    let file: FormDataEntryValue | null
    try {
      file = (await request.formData()).get('file')
    } catch {
      return adminJson({ error: 'The upload is not a form with a file.' }, 400)
    }
    if (!(file instanceof File)) return adminJson({ error: 'No image in the upload.' }, 400)
    try {
      return adminJson(await uploadNoteImage(slug, file.name, new Uint8Array(await file.arrayBuffer())), 201)
    } catch (error) {
      if (error instanceof ImageError) return adminJson({ error: error.message }, 422)
      throw error
    }
  })
}
