import { ImageResponse } from 'next/og'
import { drawableText, fontsFor } from '@/lib/og/fonts'

export const OG_SIZE = { width: 1200, height: 630 }

export type CardImageProps = {
  eyebrow: string
  title: string
  footer: string[]
}

/** Long titles get a smaller size so they fit in four lines at most. */
function titleSize(title: string): number {
  if (title.length > 90) return 48
  if (title.length > 55) return 60
  return 76
}

/** A 1200×630 social card, rendered at build time with bundled fonts (no network). */
export function renderCardImage({ eyebrow, title, footer }: CardImageProps): ImageResponse {
  const [safeEyebrow, safeTitle, ...safeFooter] = [eyebrow, title, ...footer].map((text) => drawableText(text))
  const fonts = fontsFor([safeEyebrow, safeTitle, ...safeFooter])
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '72px 80px',
          backgroundColor: '#09090b',
          backgroundImage: 'linear-gradient(135deg, #0c4a6e 0%, #09090b 55%)',
          color: '#fafafa',
          fontFamily: fonts.map((font) => `"${font.name}"`).join(', '),
          fontWeight: 700,
        }}
      >
        <div style={{ display: 'flex', fontSize: 30, color: '#7dd3fc' }}>{safeEyebrow}</div>
        <div style={{ display: 'flex', fontSize: titleSize(safeTitle), lineHeight: 1.15, lineClamp: 4 }}>{safeTitle}</div>
        <div style={{ display: 'flex', gap: 32, fontSize: 28, color: '#d4d4d8' }}>
          {safeFooter.filter(Boolean).map((item) => (
            <span key={item}>{item}</span>
          ))}
        </div>
      </div>
    ),
    { ...OG_SIZE, fonts },
  )
}
