import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { lazyNamed } from '../app/lazy'
import { PaneSplitter } from '../app/PaneSplitter'
import { EditorContextMenu } from './EditorContextMenu'
import { POSTS_WIDTH, type PostsControllerResult } from './usePostsController'

// The pane's cards load when it first opens; the pane itself (and its width) is there at once.
const PostsPane = lazyNamed(() => import('./PostsPane'), 'PostsPane')

/** The right-hand pane with its splitter, and the editor's context menu. */
export function PostsFeatureView({ feature, focusMode }: { feature: PostsControllerResult; focusMode: boolean }) {
  const { t } = useTranslation()
  const { controller, menu, layout } = feature
  return (
    <>
      {layout.open && !focusMode && (
        <>
          <PaneSplitter
            label={t('posts.resize')}
            value={layout.width}
            min={POSTS_WIDTH.min}
            max={POSTS_WIDTH.max}
            invert
            onChange={layout.setWidth}
            onCommit={layout.commitWidth}
          />
          <aside className="right-pane posts-pane-host" style={{ ['--right-width' as string]: `${layout.width}px` }} aria-label={t('posts.paneLabel')}>
            <Suspense fallback={null}>
              <PostsPane controller={controller} />
            </Suspense>
          </aside>
        </>
      )}
      {menu && <EditorContextMenu at={menu.at} items={menu.items} onClose={menu.close} />}
    </>
  )
}
