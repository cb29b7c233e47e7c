import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { publishingMode } from '@/lib/publishing'
import { resetSettings, settings } from '@/lib/settings'
import { parseSettings } from '@/lib/settings/schema'

const project = path.resolve('/srv/site')

afterEach(() => {
  vi.unstubAllEnvs()
  resetSettings()
})

describe('parseSettings', () => {
  it('gives every default, folders resolved in the project', () => {
    expect(parseSettings({}, project)).toEqual({
      ok: true,
      settings: {
        projectDir: project,
        contentDirName: 'content',
        contentDir: path.join(project, 'content'),
        notesDir: path.join(project, 'content', 'notes'),
        publicDir: path.join(project, 'public'),
        authStateDir: path.join(project, '.data'),
        publishMode: 'live',
        deployHookUrl: undefined,
        distDir: path.join(project, '.next'),
      },
    })
  })

  it('takes each variable, relative or absolute, and counts an empty one as unset', () => {
    const env = {
      CONTENT_DIR: '.test-content',
      PUBLISH_MODE: 'deploy',
      DEPLOY_HOOK_URL: 'https://hooks.example/build',
      AUTH_STATE_DIR: path.resolve('/var/lib/notes-state'),
      NEXT_DIST_DIR: '.next-e2e',
    }
    const result = parseSettings(env, project)
    expect(result.ok && result.settings).toMatchObject({
      contentDirName: '.test-content',
      contentDir: path.join(project, '.test-content'),
      notesDir: path.join(project, '.test-content', 'notes'),
      authStateDir: path.resolve('/var/lib/notes-state'),
      publishMode: 'deploy',
      deployHookUrl: 'https://hooks.example/build',
      distDir: path.join(project, '.next-e2e'),
    })
    const empty = parseSettings({ CONTENT_DIR: '', PUBLISH_MODE: '', DEPLOY_HOOK_URL: '' }, project)
    expect(empty.ok && empty.settings).toMatchObject({ contentDirName: 'content', publishMode: 'live', deployHookUrl: undefined })
  })

  it('names the variable and the value it refuses', () => {
    expect(parseSettings({ PUBLISH_MODE: 'foo' }, project)).toEqual({ ok: false, problems: ['PUBLISH_MODE must be "live" or "deploy", not "foo"'] })
  })
})

describe('settings', () => {
  it('reads the environment once, until reset', () => {
    vi.stubEnv('PUBLISH_MODE', 'deploy')
    vi.stubEnv('CONTENT_DIR', 'elsewhere')
    expect(settings().publishMode).toBe('deploy')
    expect(settings().notesDir).toBe(path.join(process.cwd(), 'elsewhere', 'notes'))
    expect(publishingMode()).toBe('deploy')
    vi.stubEnv('PUBLISH_MODE', 'live')
    expect(settings().publishMode).toBe('deploy')
    resetSettings()
    expect(settings().publishMode).toBe('live')
  })

  it('throws on a bad value, naming the variable', () => {
    vi.stubEnv('PUBLISH_MODE', 'foo')
    expect(() => settings()).toThrow('PUBLISH_MODE must be "live" or "deploy", not "foo"')
  })
})
