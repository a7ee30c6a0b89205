import Image, { type ImageOptions } from '@tiptap/extension-image'
import { assetIdFromUrl } from '@shared/domain'

export interface AssetImageOptions {
  resolveAsset(id: string): Promise<string>
  /** Text shown instead of images that are not stored in Longhand (e.g. pasted from the web). */
  notStoredLabel: string
  brokenLabel: string
}

/**
 * The Image node, but its `src` is an `asset:<sha256>` id from the database. The node view
 * resolves it to a blob: URL; any other src (a pasted web image) is kept in the document but
 * never loaded, because Longhand makes no network requests.
 */
export const AssetImage = Image.extend<ImageOptions & AssetImageOptions>({
  addOptions() {
    return {
      ...this.parent!(),
      resolveAsset: () => Promise.reject(new Error('AssetImage: resolveAsset not configured')),
      notStoredLabel: 'Image not stored in Longhand',
      brokenLabel: 'Image could not be loaded',
    }
  },

  // ProseMirror falls back to toDOM while an editor is torn down and for the clipboard; an
  // <img src="asset:…"> there would make the browser try to load it. The id travels in
  // data-asset instead, and a paste inside Longhand reads it back.
  renderHTML({ HTMLAttributes }) {
    const { src, ...rest } = HTMLAttributes as { src?: unknown }
    return ['img', typeof src === 'string' && assetIdFromUrl(src) ? { ...rest, 'data-asset': src } : HTMLAttributes]
  },

  parseHTML() {
    return [{ tag: 'img[data-asset]', getAttrs: (el) => ({ src: (el as HTMLElement).getAttribute('data-asset') }) }, ...(this.parent?.() ?? [])]
  },

  addNodeView() {
    const options = this.options
    return ({ node }) => {
      const dom = document.createElement('figure')
      dom.className = 'doc-image'
      const img = document.createElement('img')
      img.draggable = false
      dom.append(img)
      let shownSrc: string | null = null

      const show = (attrs: Record<string, unknown>) => {
        const src = typeof attrs.src === 'string' ? attrs.src : ''
        img.alt = typeof attrs.alt === 'string' ? attrs.alt : ''
        if (typeof attrs.title === 'string') img.title = attrs.title
        else img.removeAttribute('title')
        if (src === shownSrc) return
        shownSrc = src
        const id = assetIdFromUrl(src)
        if (!id) {
          img.removeAttribute('src')
          dom.dataset.state = 'not-stored'
          dom.dataset.label = options.notStoredLabel
          return
        }
        dom.dataset.state = 'loading'
        options.resolveAsset(id).then(
          (url) => {
            if (shownSrc !== src) return
            img.src = url
            dom.dataset.state = 'ready'
          },
          () => {
            if (shownSrc !== src) return
            dom.dataset.state = 'broken'
            dom.dataset.label = options.brokenLabel
          },
        )
      }
      show(node.attrs)

      return {
        dom,
        update(updated) {
          if (updated.type !== node.type) return false
          show(updated.attrs)
          return true
        },
      }
    }
  },
})
