import type { ReactNode } from 'react'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import type { Language } from '@shared/domain'
import type { Api } from '../../../renderer/api/client'
import { ApiProvider } from '../../../renderer/api/context'
import { NoticeProvider } from '../../../renderer/app/notices'
import { createI18n } from '../../../renderer/i18n/i18n'

export interface Rendered {
  container: HTMLElement
  rerender(node: ReactNode): Promise<void>
  unmount(): Promise<void>
}

/** Mounts a component the way main.tsx does (i18n, API, notices), inside act(). */
export async function render(node: ReactNode, options: { api?: Api; language?: Language; notices?: boolean } = {}): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.append(container)
  const i18n = createI18n(options.language ?? 'en')
  const wrap = (child: ReactNode) => {
    let tree = child
    if (options.notices !== false) tree = <NoticeProvider>{tree}</NoticeProvider>
    if (options.api) tree = <ApiProvider api={options.api}>{tree}</ApiProvider>
    return <I18nextProvider i18n={i18n}>{tree}</I18nextProvider>
  }
  let root: Root
  await act(async () => {
    root = createRoot(container)
    root.render(wrap(node))
  })
  return {
    container,
    async rerender(next) {
      await act(async () => root.render(wrap(next)))
    },
    async unmount() {
      await act(async () => root.unmount())
      container.remove()
    },
  }
}

/** Polls (inside act, so React effects flush) until `check` stops throwing or returns a value. */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 4000,
  label = 'condition',
): Promise<T> {
  const start = Date.now()
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== null && value !== false) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`waitFor(${label}) timed out${lastError ? `: ${String(lastError)}` : ''}`)
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
  }
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('click: no element')
  await act(async () => {
    ;(element as HTMLElement).click()
  })
}

/** Sets an input's value the way a user's typing would (React listens to the native setter). */
export async function typeInto(element: Element | null | undefined, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) {
    throw new Error('typeInto: not a form field')
  }
  const proto = Object.getPrototypeOf(element) as object
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set
  await act(async () => {
    setter?.call(element, value)
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
  })
}

export async function keyDown(target: EventTarget, init: KeyboardEventInit): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
  })
}

/** Finds an element by its accessible name (aria-label, or its text for buttons). */
export function byLabel<T extends Element = HTMLElement>(root: ParentNode, label: string | RegExp, selector = '*'): T | null {
  const matches = (text: string | null | undefined) =>
    text != null && (typeof label === 'string' ? text.trim() === label : label.test(text.trim()))
  for (const el of root.querySelectorAll<T>(selector)) {
    if (matches(el.getAttribute('aria-label'))) return el
    const labelledBy = el.getAttribute('aria-labelledby')
    if (labelledBy && matches(document.getElementById(labelledBy)?.textContent)) return el
    const labels = (el as unknown as { labels?: NodeListOf<HTMLLabelElement> | null }).labels
    if (labels && [...labels].some((l) => matches(l.textContent))) return el
  }
  for (const el of root.querySelectorAll<T>(selector === '*' ? 'button, [role="menuitem"], [role="option"], a' : selector)) {
    if (!el.hasAttribute('aria-label') && matches(el.textContent)) return el
  }
  return null
}

export function buttonByText(root: ParentNode, text: string | RegExp): HTMLButtonElement | null {
  return byLabel<HTMLButtonElement>(root, text, 'button, [role="menuitem"]')
}
