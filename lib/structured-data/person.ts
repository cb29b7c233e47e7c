import type { Cv, Profile } from '@/lib/content'

/**
 * schema.org `Person` from what the content says, and nothing else: `sameAs`, `knowsAbout` and
 * `alumniOf` appear only when the CV file gives links, skills or education.
 */
export function personJsonLd(profile: Profile, cv: Cv, siteUrl: string): Record<string, unknown> {
  const institutions = [...new Set(cv.education.map((entry) => entry.institution))]
  return {
    '@type': 'Person',
    name: profile.name,
    jobTitle: profile.role,
    worksFor: { '@type': 'Organization', name: profile.employer },
    description: profile.about,
    image: `${siteUrl}${profile.avatar}`,
    url: siteUrl,
    ...(cv.links.length > 0 ? { sameAs: cv.links.map((link) => link.url) } : {}),
    ...(cv.skills.length > 0 ? { knowsAbout: cv.skills } : {}),
    ...(institutions.length > 0 ? { alumniOf: institutions.map((name) => ({ '@type': 'EducationalOrganization', name })) } : {}),
  }
}
