import { spawnSync } from 'node:child_process'
import path from 'node:path'

export type ParsedFeed = {
  bozo: boolean
  bozo_exception: string
  version: string
  feed: { title: string; link: string; updated: string; self: string[] }
  entries: Array<{
    title: string
    summary: string
    link: string
    id: string
    published: string
    updated: string
    tags: string[]
    author: string
    content: string
  }>
}

/** Python's feedparser, the parser many feed readers and services are built on. */
export function parseWithFeedparser(xml: string): ParsedFeed {
  const script = path.join(import.meta.dirname, 'parse_feed.py')
  const result = spawnSync('/usr/bin/python3', [script], { input: xml, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`feedparser failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

/** xmllint's verdict on well-formedness: '' when well-formed, its errors otherwise. */
export function xmlErrors(xml: string): string {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' })
  return result.status === 0 ? '' : result.stderr || `xmllint exited ${result.status}`
}
