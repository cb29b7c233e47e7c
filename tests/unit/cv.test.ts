import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { EMPTY_CV, findCvProblems, formatPeriod, formatSpan, toCv } from '@/lib/content/cv'
import { findProblemSlugClashes, formatContentProblems } from '@/lib/content/validate'
import type { Profile } from '@/lib/content'
import { personJsonLd } from '@/lib/structured-data/person'

const root = path.resolve(import.meta.dirname, '../..')
const FIXTURE_CV = readFileSync(path.join(root, 'tests/fixtures/content/cv.yaml'), 'utf8')
const report = (source: string) => formatContentProblems(findCvProblems(source), 'content')

describe('content/cv.yaml, checked at build time', () => {
  it('accepts the fixture with every section filled, and an empty file', () => {
    expect(findCvProblems(FIXTURE_CV)).toEqual([])
    expect(findCvProblems('')).toEqual([])
    expect(findCvProblems('# nothing yet\nskills:\n')).toEqual([])
  })

  it('accepts the example the README gives, with every section', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const example = /### The CV[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(findCvProblems(example)).toEqual([])
    expect(Object.values(toCv(parse(example))).every((section) => section.length > 0)).toBe(true)
  })

  it('names the line and field of each bad entry', () => {
    const source = [
      'experience:', // 1
      '  - role: Data Scientist', // 2
      '    organisation: Somewhere', // 3
      '    start: 2019-13', // 4
      '  - role: Intern', // 5
      '    start: 2018', // 6
      'skills: PyTorch', // 7
      'links:', // 8
      '  - label: Home', // 9
      '    url: javascript:alert(1)', // 10
    ].join('\n')
    expect(report(source).split('\n')).toEqual([
      'Invalid content (4 problems):',
      '  • content/cv.yaml:4: field "experience[0].start" must be a year (2019) or a year and month (2019-06)',
      '  • content/cv.yaml:5: field "experience[1].organisation" is required',
      '  • content/cv.yaml:7: field "skills" must be a list (each entry on a line starting with "- ")',
      '  • content/cv.yaml:10: field "links[0].url" must be a web address starting with https:// or http://',
    ])
  })

  it('refuses unknown fields, empty text, and an end before its start', () => {
    const source = 'education:\n  - degree: BSc\n    institution: ""\n    grade: A\npublications:\n  - title: T\n    year: 2020\nexperience:\n  - role: R\n    organisation: O\n    start: 2020-03\n    end: 2019\n'
    expect(report(source)).toContain('content/cv.yaml:3: field "education[0].institution" must not be empty')
    expect(report(source)).toContain('content/cv.yaml:4: field "education[0].grade" is not a field the CV knows')
    expect(report(source)).toContain('content/cv.yaml:12: field "experience[0].end" is earlier than start (2020-03)')
  })

  it('reports YAML that does not parse, with its line', () => {
    expect(report('skills:\n  - a\n - b\n')).toMatch(/content\/cv\.yaml:3: field "\(file\)" is not valid YAML/)
  })
})

describe('the CV sections', () => {
  it('are all empty when there is no file, and when a section is left blank', () => {
    expect(toCv(undefined)).toEqual(EMPTY_CV)
    expect(toCv({ skills: null, experience: [] })).toEqual(EMPTY_CV)
  })

  it('keep what the file says, years read as text', () => {
    const cv = toCv({ experience: [{ role: 'R', organisation: 'O', start: 2018, end: '2019-05' }], skills: ['A'] })
    expect(cv.experience).toEqual([{ role: 'R', organisation: 'O', start: '2018', end: '2019-05' }])
    expect(cv.skills).toEqual(['A'])
  })

  it('show periods as a reader expects', () => {
    expect(formatPeriod('2019-06')).toBe('Jun 2019')
    expect(formatPeriod('2019')).toBe('2019')
    expect(formatSpan('2019-06', undefined, true)).toBe('Jun 2019 – present')
    expect(formatSpan('2014', '2018')).toBe('2014 – 2018')
    expect(formatSpan('2018', '2018')).toBe('2018')
    expect(formatSpan(undefined, '2018')).toBe('2018')
    expect(formatSpan(undefined, undefined)).toBeUndefined()
  })
})

describe('problem pages', () => {
  it('refuse two problem files that would share an address', () => {
    const problems = [
      { slug: 'scale', _raw: { sourceFilePath: 'problems/01-scale.mdx' } },
      { slug: 'scale', _raw: { sourceFilePath: 'problems/02-scale.mdx' } },
    ]
    expect(formatContentProblems(findProblemSlugClashes(problems), 'content')).toContain(
      'content/problems/02-scale.mdx: field "(file name)" gives the page /problems/scale, as problems/01-scale.mdx does: rename one',
    )
  })
})

describe('Person JSON-LD', () => {
  const profile: Profile = {
    name: 'Arun Kumar RN',
    role: 'Data Scientist',
    employer: 'Enquero',
    avatar: '/avatar.svg',
    avatarAlt: 'x',
    obfuscatedEmail: 'arun [dot] rvbe [at] gmail [dot] com',
    cvAsOf: '2020-12-01T00:00:00.000Z',
    about: 'I am a Data Scientist at Enquero.',
    code: '',
  }

  it('states only the profile’s facts when the CV file gives nothing more', () => {
    const ld = personJsonLd(profile, EMPTY_CV, 'https://notes.example')
    expect(ld).toEqual({
      '@type': 'Person',
      name: 'Arun Kumar RN',
      jobTitle: 'Data Scientist',
      worksFor: { '@type': 'Organization', name: 'Enquero' },
      description: 'I am a Data Scientist at Enquero.',
      image: 'https://notes.example/avatar.svg',
      url: 'https://notes.example',
    })
  })

  it('adds sameAs, knowsAbout and alumniOf from the links, skills and education given', () => {
    const ld = personJsonLd(profile, toCv(parse(FIXTURE_CV)), 'https://notes.example')
    expect(ld).toMatchObject({
      sameAs: ['https://example.org/fixture-profile'],
      knowsAbout: ['Fixture skill one', 'Fixture skill two'],
      alumniOf: [{ '@type': 'EducationalOrganization', name: 'Example Fixture University' }],
    })
  })
})
