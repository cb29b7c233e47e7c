'use client'

import { useEffect, useSyncExternalStore } from 'react'
import { applyTheme, preferredTheme, storedTheme, THEME_STORAGE_KEY, type Theme } from '@/lib/theme'

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

const currentTheme = (): Theme => (document.documentElement.classList.contains('dark') ? 'dark' : 'light')
// Unknown on the server: the pre-paint script decides, from storage or the system setting.
const serverTheme = (): Theme | null => null

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, serverTheme)

  useEffect(() => {
    // React may rebuild <html> (e.g. on a streamed 404), dropping what the pre-paint script set.
    applyTheme(preferredTheme())
    const system = matchMedia('(prefers-color-scheme: dark)')
    const followSystem = () => {
      if (!storedTheme()) applyTheme(system.matches ? 'dark' : 'light')
    }
    system.addEventListener('change', followSystem)
    return () => system.removeEventListener('change', followSystem)
  }, [])

  function toggle() {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    applyTheme(next)
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Storage can be refused (private mode); the theme still changes for this visit.
    }
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={theme === null ? undefined : theme === 'dark'}
      className="inline-flex size-10 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
    >
      <span className="sr-only">Dark theme</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 dark:hidden" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="hidden size-5 dark:block" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    </button>
  )
}
