import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Keeps React's commits from walking the whole text.
 *
 * Before every commit — anywhere in the app: a word count, the save indicator, a list row —
 * React notes the selection of the focused element so it can put it back if the commit moved
 * that element. For a focused contenteditable (`element.contentEditable === 'true'`) it does so
 * by walking every DOM node inside it and adding up text lengths (react-dom
 * commitBeforeMutationEffects; react/react#9992: "when the focus is inside a contenteditable" it
 * happens on every commit). In a 100,000-word draft that walk is ~1.5 ms per commit, and
 * commits happen while the author types.
 *
 * React never moves the editor's element (ProseMirror owns it), so that note is never used:
 * the element's `contentEditable` *property* answers "inherit" to scripts. The attribute, which
 * is what makes the text editable for the browser, stays "true"; ProseMirror and Tiptap only
 * ever compare that property with "false" (for uneditable nodes inside the text).
 */
export const ReactCommitWalk = Extension.create({
  name: 'reactCommitWalk',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('reactCommitWalk'),
        view(view) {
          const dom = view.dom
          const property = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable')
          Object.defineProperty(dom, 'contentEditable', {
            configurable: true,
            get: () => 'inherit',
            set: (value: string) => property?.set?.call(dom, value),
          })
          return { destroy: () => void delete (dom as { contentEditable?: string }).contentEditable }
        },
      }),
    ]
  },
})
