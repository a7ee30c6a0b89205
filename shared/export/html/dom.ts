/**
 * The few DOM features the HTML importer and the sanitizer use, typed structurally: shared/
 * compiles both with the DOM library (renderer) and without it (main, Node tests), and
 * neither may touch a DOM global. A browser `window` and a jsdom window both fit.
 */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<DomNode>
  readonly textContent: string | null
}

export interface DomElement extends DomNode {
  readonly tagName: string
  getAttribute(name: string): string | null
}

export interface DomDocument {
  readonly body: DomElement | null
  readonly documentElement: DomElement | null
  querySelector(selectors: string): DomElement | null
}

export interface HtmlWindow {
  readonly DOMParser: new () => { parseFromString(source: string, type: 'text/html'): DomDocument }
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

/** An inert document: DOMParser documents run no scripts and load no images. */
export function parseHtmlDocument(html: string, win: HtmlWindow): DomDocument {
  return new win.DOMParser().parseFromString(html, 'text/html')
}
