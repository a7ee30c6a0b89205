/**
 * jsdom lacks the layout APIs ProseMirror calls while it handles selections and scrolling.
 * They only need to exist and return empty geometry: these tests check behaviour, not layout.
 */
const emptyRect = (): DOMRect => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) })
const emptyRectList = (): DOMRectList => Object.assign([], { item: () => null }) as unknown as DOMRectList

Range.prototype.getBoundingClientRect = emptyRect
Range.prototype.getClientRects = emptyRectList
if (!document.elementFromPoint) document.elementFromPoint = () => null
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined
// jsdom has <dialog> but not its modal methods; in Chromium (e2e) the real ones run, inertness included.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}

// React warns about updates outside act() unless it knows this is a test environment.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
