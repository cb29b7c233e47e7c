'use server'

import { headers } from 'next/headers'
import { z } from 'zod'
import { requireAuthorForAction } from '@/lib/auth'
import { MAX_BODY_BYTES } from '@/lib/notes/schema'
import { renderDraftPreview, type PreviewResult } from './draft-preview'

// Lenient on the fields (a half-typed form still previews), strict on the body.
const previewInput = z.object({
  slug: z.string().catch('preview'),
  title: z.string().max(200).catch('').transform((title) => title.trim() || 'Untitled note'),
  summary: z.string().max(500).catch(''),
  tags: z.array(z.string().max(40)).max(20).catch([]),
  series: z.string().max(120).optional().catch(undefined),
  seriesOrder: z.number().int().min(1).max(999).optional().catch(undefined),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  body: z.string().refine((body) => Buffer.byteLength(body, 'utf8') <= MAX_BODY_BYTES),
})

/** The live preview of what the author is typing (see renderDraftPreview). */
export async function previewNoteAction(input: unknown): Promise<PreviewResult> {
  await requireAuthorForAction(await headers())
  const parsed = previewInput.safeParse(input)
  if (!parsed.success) return { ok: false, problems: [{ line: 1, column: 1, message: 'The body is not text, or is larger than 1 MB.' }] }
  const { slug, ...fields } = parsed.data
  return renderDraftPreview(slug, { ...fields, tags: fields.tags.filter(Boolean) })
}
