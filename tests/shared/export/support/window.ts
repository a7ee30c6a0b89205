import { createRequire } from 'node:module'
import type { HtmlWindow } from '@shared/export'

/**
 * A real DOM for the converters (jsdom, as the brief's renderer stand-in) and for checking
 * their output. jsdom ships no types; the few DOM features the checks use are typed here.
 */
export interface TestAttr {
  readonly name: string
  readonly value: string
}

export interface TestNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<TestNode>
  readonly textContent: string | null
}

export interface TestElement extends TestNode {
  readonly tagName: string
  readonly localName: string
  readonly namespaceURI: string | null
  readonly innerHTML: string
  readonly attributes: { readonly length: number; item(index: number): TestAttr | null }
  getAttribute(name: string): string | null
  querySelectorAll(selectors: string): ArrayLike<TestElement>
  querySelector(selectors: string): TestElement | null
}

export interface TestDocument {
  readonly body: TestElement
  readonly head: TestElement
  readonly documentElement: TestElement
  readonly title: string
  querySelectorAll(selectors: string): ArrayLike<TestElement>
  querySelector(selectors: string): TestElement | null
}

export interface TestWindow {
  readonly DOMParser: new () => { parseFromString(source: string, type: 'text/html'): TestDocument }
}

// A jsdom window is what the converters expect from the renderer's window.
const fitsConverters = (win: TestWindow): HtmlWindow => win
void fitsConverters

const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html?: string) => { window: TestWindow } }

export function testWindow(): TestWindow {
  return new JSDOM('<!doctype html><html><body></body></html>').window
}

export function parseHtml(win: TestWindow, html: string): TestDocument {
  return new win.DOMParser().parseFromString(html, 'text/html')
}

export function elements(root: { querySelectorAll(s: string): ArrayLike<TestElement> }, selectors = '*'): TestElement[] {
  return Array.from(root.querySelectorAll(selectors))
}

export function attributesOf(element: TestElement): TestAttr[] {
  const out: TestAttr[] = []
  for (let i = 0; i < element.attributes.length; i++) out.push(element.attributes.item(i)!)
  return out
}
