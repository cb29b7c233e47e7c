import { CvHeader } from '@/components/cv/cv-header'
import { EducationList, ExperienceList, PublicationList, SkillList } from '@/components/cv/cv-entries'
import { CvNoteList } from '@/components/cv/cv-note-list'
import { CvSection } from '@/components/cv/cv-section'
import { ProjectList } from '@/components/cv/project-list'
import { MdxContent } from '@/components/mdx/mdx-content'
import { JsonLd } from '@/components/site/json-ld'
import { getCv, getNotes, getProblems, getProfile } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { siteConfig } from '@/lib/site'
import { personJsonLd } from '@/lib/structured-data/person'

export function generateMetadata() {
  const profile = getProfile()
  return pageMetadata({ title: 'CV', description: `CV of ${profile.name}, ${profile.role} at ${profile.employer}.`, path: '/cv' })
}

/** Experience, education, skills and publications show only once content/cv.yaml fills them in. */
export default function CvPage() {
  const profile = getProfile()
  const cv = getCv()
  const url = siteConfig.url

  return (
    <article className="cv space-y-10">
      <JsonLd data={personJsonLd(profile, cv, url)} />
      <CvHeader profile={profile} links={cv.links} />

      <CvSection id="about" title="About">
        <div className="prose prose-zinc max-w-none dark:prose-invert">
          <MdxContent code={profile.code} />
        </div>
      </CvSection>

      {cv.experience.length > 0 && (
        <CvSection id="experience" title="Experience">
          <ExperienceList entries={cv.experience} />
        </CvSection>
      )}

      <CvSection id="projects" title="Projects: problems I have solved">
        <ProjectList problems={getProblems()} siteUrl={url} />
      </CvSection>

      {cv.education.length > 0 && (
        <CvSection id="education" title="Education">
          <EducationList entries={cv.education} />
        </CvSection>
      )}

      {cv.skills.length > 0 && (
        <CvSection id="skills" title="Skills">
          <SkillList skills={cv.skills} />
        </CvSection>
      )}

      {cv.publications.length > 0 && (
        <CvSection id="publications" title="Publications">
          <PublicationList entries={cv.publications} />
        </CvSection>
      )}

      <CvSection id="notes" title="Learning notes">
        <CvNoteList notes={getNotes()} siteUrl={url} />
      </CvSection>
    </article>
  )
}
