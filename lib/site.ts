import { DEFAULT_SITE_URL } from '@/lib/settings/defaults.mjs'
import { trimEndChars } from '@/lib/text-trim.mjs'

export type NavItem = { href: string; label: string }

export type SiteConfig = {
  name: string
  title: string
  description: string
  url: string
  locale: string
  nav: NavItem[]
}

export const siteConfig: SiteConfig = {
  name: 'Arun Kumar RN',
  title: 'Arun Kumar RN · Data Scientist',
  description:
    'Profile and learning notes of Arun Kumar RN, a data scientist writing about machine learning, PyTorch and CUDA.',
  url: trimEndChars(process.env.SITE_URL ?? DEFAULT_SITE_URL, '/'),
  locale: 'en',
  nav: [
    { href: '/', label: 'About' },
    { href: '/notes', label: 'Notes' },
    { href: '/series', label: 'Series' },
    { href: '/tags', label: 'Tags' },
  ],
}
