import { OG_SIZE, renderCardImage } from '@/components/og/card-image'
import { getProfile } from '@/lib/content'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Arun Kumar RN, Data Scientist: profile and learning notes'

export default function ProfileCardImage() {
  const profile = getProfile()
  return renderCardImage({
    eyebrow: 'Profile and learning notes',
    title: profile.name,
    footer: [`${profile.role} at ${profile.employer}`, 'ML · PyTorch · CUDA'],
  })
}
