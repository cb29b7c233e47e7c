import { describe, expect, it } from 'vitest'
import { revealEmail } from '@/lib/email'

describe('revealEmail', () => {
  it('turns the spelled-out address from the profile back into a real one', () => {
    expect(revealEmail('arun [dot] rvbe [at] gmail [dot] com')).toBe('arun.rvbe@gmail.com')
  })

  it('accepts round brackets and any case', () => {
    expect(revealEmail('jane (DOT) doe (At) example (dot) org')).toBe('jane.doe@example.org')
  })
})
