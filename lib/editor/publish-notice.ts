import { describeInstant } from './schedule'

/** What a publish, an unpublish or an explicit save of a published note did to the public site. */
export type LiveResult = { ok: true; ms: number } | { ok: false; error: string; ms: number } | null

export type DeployResult = { triggered: false; reason?: 'not-configured' | 'pushed' } | { triggered: true; ok: true } | { triggered: true; ok: false; error: string }

export type PublishingMode = 'live' | 'deploy'

const failed = (error: string) => `The site could not be updated, so readers still see the last good version:\n${error}`

function deployText(deploy: DeployResult): string {
  if (!deploy.triggered && deploy.reason === 'pushed') return 'It is pushed to the content repository: a host that builds on push shows it after that build (usually a minute or two).'
  if (!deploy.triggered) return 'No deploy hook is set (DEPLOY_HOOK_URL), so rebuild and restart the site to show the change.'
  return deploy.ok ? 'The deploy hook was called; the site rebuilds now.' : `${deploy.error} Rebuild the site to show the change.`
}

/** The sentence the editor shows after publishing or unpublishing. */
export function publishNotice(publish: boolean, slug: string, mode: PublishingMode, live: LiveResult, deploy: DeployResult): string {
  if (live && !live.ok) return `${publish ? 'Published in the files' : 'Made a draft in the files'}. ${failed(live.error)}`
  if (mode === 'deploy') {
    return publish
      ? `Published, awaiting deploy: the running site was built before this change. ${deployText(deploy)}`
      : `Unpublished: it is a draft again, and leaves the site with the next deploy. ${deployText(deploy)}`
  }
  const hook = deploy.triggered ? ` ${deployText(deploy)}` : ''
  return publish ? `Published. It is live at /notes/${slug}.${hook}` : `Unpublished: it is a draft again, and gone from the site.${hook}`
}

/** The sentence after scheduling: when, in the author's zone, and what brings the note to readers then. */
export function scheduleNotice(publishAt: string, mode: PublishingMode, when = describeInstant(publishAt)): string {
  const until = 'Until then it is on no public page, list, feed, sitemap or search index.'
  return mode === 'live'
    ? `Scheduled for ${when}: the site publishes it by itself then. ${until}`
    : `Scheduled for ${when}. ${until} This host shows it only after a build that runs after that time: have your deploy hook called then (a scheduled job, e.g. hourly).`
}

/** After unscheduling: a draft again (nothing readers had changes, unless its time had come). */
export function unscheduleNotice(live: LiveResult): string {
  return live && !live.ok ? `Made a draft in the files. ${failed(live.error)}` : 'Unscheduled: it is a draft again, and will not be published by itself.'
}

/** After an explicit save of a published note: null when there is nothing to say beyond "Saved". */
export function updateNotice(live: LiveResult): string | null {
  if (!live) return null
  return live.ok ? 'Saved and updated on the site.' : `Saved. ${failed(live.error)}`
}

/** Whether the note is on the public site after a change (never link to a page that is not there). */
export function onSiteAfter(published: boolean, mode: PublishingMode, live: LiveResult, wasOnSite: boolean): boolean {
  if (mode === 'deploy' || (live && !live.ok)) return wasOnSite
  return published
}
