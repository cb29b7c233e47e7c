import { describe, expect, it } from 'vitest'
import { cx, formatDate, formatMonthYear, isoDay } from '@/lib/utils'

describe('dates', () => {
  it('shows content dates as the calendar day written, whatever the server time zone', () => {
    expect(formatDate('2020-12-01T00:00:00.000Z')).toBe('1 December 2020')
    expect(formatMonthYear('2020-12-01T00:00:00.000Z')).toBe('December 2020')
    expect(isoDay('2020-12-01T00:00:00.000Z')).toBe('2020-12-01')
  })
})

describe('cx', () => {
  it('joins only truthy class names', () => {
    expect(cx('a', false, undefined, 'b', null)).toBe('a b')
  })
})
