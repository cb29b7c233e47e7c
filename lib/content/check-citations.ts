import { findCitationProblems } from '../citations/problems.mjs'
import { loadReferences, referencesPath } from '../citations/references.mjs'
import { findContentFileProblems } from './check-math'

/**
 * Every citation of a key the content's references.bib does not have, as "file:line:column
 * message" lines; `skip` names files the build leaves out (drafts).
 */
export function findContentCitationProblems(contentDir: string, skip: string[] = []): string[] {
  const references = () => loadReferences(referencesPath(contentDir))
  return findContentFileProblems(contentDir, skip, (tree) => findCitationProblems(tree, references))
}

/** Why the content's references.bib cannot be read (file and what is wrong), or nothing. */
export function findReferencesProblems(contentDir: string): string[] {
  try {
    loadReferences(referencesPath(contentDir))
    return []
  } catch (error) {
    return [(error as Error).message]
  }
}
