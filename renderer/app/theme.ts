import type { Theme } from '@shared/domain'

/**
 * The theme is a data attribute on <html>; "system" leaves the choice to the
 * prefers-color-scheme media query in the stylesheet, so it follows the OS live.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme
}

export function applyLanguage(language: string, root: HTMLElement = document.documentElement): void {
  root.lang = language
}
