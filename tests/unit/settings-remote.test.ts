import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSettings } from '@/lib/settings/schema'

const project = path.resolve('/srv/site')

describe('content remote settings', () => {
  it('is off without CONTENT_GIT_REMOTE, and then refuses its other variables', () => {
    const result = parseSettings({}, project)
    expect(result.ok && result.settings.contentRemote).toBeUndefined()
    expect(parseSettings({ CONTENT_GIT_TOKEN: 'tok' }, project)).toEqual({ ok: false, problems: ['CONTENT_GIT_TOKEN is set but CONTENT_GIT_REMOTE is not'] })
  })

  it('takes the remote, branch, credentials and work folder; the token is never printed', () => {
    const result = parseSettings({ CONTENT_GIT_REMOTE: 'https://git.example/me/notes.git', CONTENT_GIT_TOKEN: 's3cret', CONTENT_GIT_BRANCH: 'content', CONTENT_WORK_DIR: '/var/notes-clone' }, project)
    const remote = result.ok ? result.settings.contentRemote : undefined
    expect(remote).toMatchObject({ url: 'https://git.example/me/notes.git', branch: 'content', workDir: path.resolve('/var/notes-clone') })
    expect(remote?.credentials()).toEqual({ username: 'git', password: 's3cret' })
    expect(JSON.stringify(result)).not.toContain('s3cret')
  })

  it('defaults to main and a work folder per remote in the temp folder (the app folder may be read-only)', () => {
    const a = parseSettings({ CONTENT_GIT_REMOTE: 'https://git.example/a.git' }, project)
    const b = parseSettings({ CONTENT_GIT_REMOTE: 'https://git.example/b.git' }, project)
    const dirA = a.ok ? a.settings.contentRemote?.workDir : ''
    expect(a.ok && a.settings.contentRemote?.branch).toBe('main')
    expect(dirA).toMatch(/notes-content-[0-9a-f]{12}$/)
    expect(dirA).not.toBe(b.ok && b.settings.contentRemote?.workDir)
    expect(a.ok && a.settings.contentRemote?.credentials()).toBeUndefined()
  })

  it('lays the clone out as a repository of notes, or as this site\'s own repository (CONTENT_GIT_LAYOUT=site)', () => {
    const base = { CONTENT_GIT_REMOTE: 'https://git.example/a.git', CONTENT_WORK_DIR: '/var/clone' }
    const notesOnly = parseSettings(base, project)
    expect(notesOnly.ok && notesOnly.settings.contentRemote).toMatchObject({ layout: 'notes', notesDir: path.resolve('/var/clone/notes'), imagesDir: path.resolve('/var/clone/images') })
    const site = parseSettings({ ...base, CONTENT_GIT_LAYOUT: 'site' }, project)
    expect(site.ok && site.settings.contentRemote).toMatchObject({ layout: 'site', notesDir: path.resolve('/var/clone/content/notes'), imagesDir: path.resolve('/var/clone/public/notes') })
    const elsewhere = parseSettings({ ...base, CONTENT_GIT_LAYOUT: 'site', CONTENT_DIR: '/srv/content' }, project)
    expect(elsewhere.ok ? '' : elsewhere.problems.join('\n')).toMatch(/^CONTENT_GIT_LAYOUT=site needs CONTENT_DIR inside the project/)
    const wrong = parseSettings({ ...base, CONTENT_GIT_LAYOUT: 'monorepo' }, project)
    expect(wrong.ok ? '' : wrong.problems.join('\n')).toBe('CONTENT_GIT_LAYOUT must be "notes" or "site", not "monorepo"')
  })

  it('checks the remote every 30 s unless CONTENT_SYNC_INTERVAL says otherwise, naming a bad value', () => {
    const remote = { CONTENT_GIT_REMOTE: 'https://git.example/a.git' }
    const interval = (env: Record<string, string>) => {
      const result = parseSettings({ ...remote, ...env }, project)
      return result.ok ? result.settings.contentRemote?.syncInterval : result.problems.join('\n')
    }
    expect(interval({})).toBe(30)
    expect(interval({ CONTENT_SYNC_INTERVAL: '5' })).toBe(5)
    expect(interval({ CONTENT_SYNC_INTERVAL: '0' })).toBe('CONTENT_SYNC_INTERVAL must be at least 1 (second)')
    expect(interval({ CONTENT_SYNC_INTERVAL: 'soon' })).toBe('CONTENT_SYNC_INTERVAL must be a number of seconds')
  })

  it('refuses a bad remote without repeating what may be a credential', () => {
    for (const [value, message] of [
      ['not a url', 'CONTENT_GIT_REMOTE is not a URL'],
      ['ssh://git@host/repo.git', 'must be an http(s) URL'],
      ['https://me:hunter2@host/repo.git', 'must not carry credentials'],
    ]) {
      const result = parseSettings({ CONTENT_GIT_REMOTE: value }, project)
      expect(result.ok).toBe(false)
      const problems = result.ok ? '' : result.problems.join('\n')
      expect(problems).toContain(message)
      expect(problems).not.toContain('hunter2')
    }
    const branch = parseSettings({ CONTENT_GIT_REMOTE: 'https://host/r.git', CONTENT_GIT_BRANCH: 'a..b' }, project)
    expect(branch.ok ? '' : branch.problems[0]).toMatch(/^CONTENT_GIT_BRANCH is not a branch name/)
  })
})
