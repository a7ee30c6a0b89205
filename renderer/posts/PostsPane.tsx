import { ArrowLeft, LocateFixed, MessageSquarePlus, Sparkles, X } from 'lucide-react'
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { VARIANT_STYLES } from '@shared/compose'
import type { Passage, Post } from '@shared/domain'
import { profileOf } from '@shared/platforms'
import { formatLongDay, plannedDate } from './localDate'
import { compareGroup, passagesWithPosts, todayGroups, type SuggestionLayout } from './model/postsModel'
import type { SuggestionGroup } from './suggestionGroups'
import { PlatformName } from './PostCard'
import { SavedPost } from './SavedPost'
import { Suggestion } from './Suggestion'
import { JournalHostProvider } from '../journal/JournalHost'
import { JournalView } from '../journal/JournalView'
import type { PostsController, PostsTab } from './usePostsController'

const TABS: PostsTab[] = ['draft', 'today', 'journal']

/** The right-hand panel: this draft's posts (or one passage's), and the Today list. */
export function PostsPane({ controller }: { controller: PostsController }) {
  const { t } = useTranslation()
  const tabRefs = useRef<Record<PostsTab, HTMLButtonElement | null>>({ draft: null, today: null, journal: null })
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const next = TABS[(TABS.indexOf(controller.tab) + 1) % TABS.length]!
    controller.setTab(next)
    tabRefs.current[next]?.focus()
  }
  return (
    <div className="posts-pane">
      <header className="posts-header">
        <div className="posts-tabs" role="tablist" aria-label={t('posts.tabs.label')} onKeyDown={onTabKey}>
          {TABS.map((tab) => (
            <button
              key={tab}
              ref={(el) => {
                tabRefs.current[tab] = el
              }}
              type="button"
              role="tab"
              id={`posts-tab-${tab}`}
              aria-selected={controller.tab === tab}
              aria-controls="posts-tabpanel"
              tabIndex={controller.tab === tab ? 0 : -1}
              className="posts-tab"
              onClick={() => controller.setTab(tab)}
            >
              {tab === 'journal' ? t('journal.tab') : t(`posts.tabs.${tab}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label={t('posts.close')} title={t('posts.close')} onClick={controller.close}>
          <X size={18} aria-hidden />
        </button>
      </header>
      <div className="posts-body" role="tabpanel" id="posts-tabpanel" aria-labelledby={`posts-tab-${controller.tab}`}>
        <JournalHostProvider value={controller.journal}>
          {controller.tab === 'today' ? (
            <TodayView controller={controller} />
          ) : controller.tab === 'journal' ? (
            <JournalView draftId={controller.journal.draftId} />
          ) : (
            <DraftPosts controller={controller} />
          )}
        </JournalHostProvider>
      </div>
    </div>
  )
}

function DraftPosts({ controller }: { controller: PostsController }) {
  const { t } = useTranslation()
  const { data, loadError, focus } = controller
  if (loadError) {
    return (
      <p className="posts-error" role="alert">
        {t('posts.loadFailed', { reason: loadError })}
      </p>
    )
  }
  if (!controller.draft) return <EmptyState controller={controller} noDraft />
  if (!data) return <div className="posts-loading" aria-busy="true" />
  if (focus !== null) return <PassageView controller={controller} passageId={focus} />
  return <Overview controller={controller} />
}

function EmptyState({ controller, noDraft = false }: { controller: PostsController; noDraft?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="posts-empty">
      <MessageSquarePlus size={28} aria-hidden className="posts-empty-icon" />
      <p className="posts-empty-title">{noDraft ? t('posts.noDraft') : t('posts.emptyTitle')}</p>
      {!noDraft && (
        <>
          <p className="muted">{t('posts.emptyHow', { shortcut: controller.shortcut })}</p>
          <button type="button" className="button button-primary" onClick={controller.makePosts} onMouseDown={(e) => e.preventDefault()}>
            <Sparkles size={16} aria-hidden /> {t('posts.makePosts')}
          </button>
        </>
      )}
    </div>
  )
}

function Overview({ controller }: { controller: PostsController }) {
  const { t } = useTranslation()
  const data = controller.data!
  const withPosts = passagesWithPosts(data)
  if (withPosts.length === 0) return <EmptyState controller={controller} />
  return (
    <div className="posts-overview">
      <div className="posts-section-head">
        <h2 className="pane-heading">{t('posts.overview.heading')}</h2>
        <span className="muted">{t('posts.overview.count', { count: data.posts.length })}</span>
      </div>
      {withPosts.map(({ passage, posts }) => (
        <section key={passage.id} className="passage-group" aria-label={t('posts.passage.label')}>
          <button type="button" className="passage-quote" onClick={() => controller.showPassage(data.draftId, passage.id)}>
            {passage.text}
          </button>
          <ul className="post-rows">
            {posts.map((post) => (
              <li key={post.id}>
                <button type="button" className="post-row" onClick={() => controller.showPassage(data.draftId, passage.id)}>
                  <span className="post-row-head">
                    <PlatformName platform={post.platform} />
                    <span className={`state-chip is-${post.state}`}>{t(`posts.state.${post.state}`)}</span>
                  </span>
                  <span className="post-row-text">{post.parts[0]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="muted posts-more-hint">{t('posts.emptyTitle')}</p>
    </div>
  )
}

function PassageView({ controller, passageId }: { controller: PostsController; passageId: number }) {
  const { t } = useTranslation()
  const data = controller.data!
  const passage: Passage | undefined = data.passages.find((p) => p.id === passageId)
  const saved: Post[] = data.posts.filter((p) => p.passageId === passageId)
  const groups = controller.suggestions[passageId] ?? []
  const inText = controller.isInText(passageId)
  const lang = controller.draft?.language
  const posts = controller.settings.posts
  // Another passage: its cards start at the top, wherever the last one was scrolled to.
  const view = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const scroller = view.current?.closest('.posts-body')
    if (scroller) scroller.scrollTop = 0
  }, [passageId])

  return (
    <div className="passage-view" ref={view}>
      <button type="button" className="link-button posts-back" onClick={() => controller.setFocus(null)}>
        <ArrowLeft size={14} aria-hidden /> {t('posts.passage.back')}
      </button>
      {passage ? (
        <figure className="passage-block">
          <blockquote lang={lang}>{passage.text}</blockquote>
          <figcaption>
            {inText === false ? (
              <span className="muted">{t('posts.passage.gone')}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => controller.showPassage(data.draftId, passageId)}>
                <LocateFixed size={14} aria-hidden /> {t('posts.passage.showInText')}
              </button>
            )}
          </figcaption>
        </figure>
      ) : (
        <div className="passage-block">
          <p>{t('posts.passage.unknown')}</p>
          <button type="button" className="button button-small" onClick={() => controller.removeHighlight(passageId)}>
            {t('posts.passage.removeHighlight')}
          </button>
        </div>
      )}

      {saved.length > 0 && (
        <section className="posts-section" aria-labelledby="posts-saved-heading">
          <h2 className="pane-heading" id="posts-saved-heading">
            {t('posts.savedHeading')}
          </h2>
          {saved.map((post) => (
            <SavedPost
              key={post.id}
              post={post}
              settings={posts}
              lang={lang}
              onTextChange={controller.editText}
              onTextFlush={controller.flushText}
              onState={controller.changeState}
              onDelete={controller.deletePost}
            />
          ))}
        </section>
      )}

      {passage && posts.enabled.length === 0 && <p className="muted">{t('posts.noPlatforms')}</p>}
      {passage && groups.length > 0 && (
        <section className="posts-section" aria-labelledby="posts-suggestions-heading">
          <div className="posts-section-head suggestions-head">
            <h2 className="pane-heading" id="posts-suggestions-heading">
              {t('posts.suggestionsHeading')}
            </h2>
            <LayoutSwitch layout={controller.layout} onChange={(layout) => controller.setLayout(layout)} />
          </div>
          {controller.layout === 'styles' ? (
            <StylesSideBySide controller={controller} passageId={passageId} groups={groups} lang={lang} />
          ) : (
            groups.map((group) => (
              <Suggestion
                key={group.id}
                initial={controller.editedSuggestion(group)}
                settings={posts}
                lang={lang}
                onChange={controller.rememberSuggestion}
                onSave={(next) => controller.savePost(passageId, next)}
              />
            ))
          )}
        </section>
      )}
      {passage && groups.length === 0 && posts.enabled.length > 0 && (
        <button type="button" className="button posts-make-more" onClick={() => controller.makeMore(passageId)}>
          <Sparkles size={16} aria-hidden /> {t('posts.makeMore')}
        </button>
      )}
    </div>
  )
}

const LAYOUTS: SuggestionLayout[] = ['platforms', 'styles']

/** "By platform" or "Compare styles". */
function LayoutSwitch({ layout, onChange }: { layout: SuggestionLayout; onChange(layout: SuggestionLayout): void }) {
  const { t } = useTranslation()
  return (
    <div className="segmented" role="radiogroup" aria-label={t('posts.layout.label')}>
      {LAYOUTS.map((option) => (
        <label key={option} className={`segmented-option${layout === option ? ' is-checked' : ''}`}>
          <input type="radio" name="posts-layout" value={option} checked={layout === option} onChange={() => onChange(option)} />
          {t(`posts.layout.${option}`)}
        </label>
      ))}
    </div>
  )
}

/** One platform's quote, question and teaser beside each other, each editable and savable. */
function StylesSideBySide({
  controller,
  passageId,
  groups,
  lang,
}: {
  controller: PostsController
  passageId: number
  groups: SuggestionGroup[]
  lang?: string
}) {
  const { t } = useTranslation()
  const group = compareGroup(groups, controller.comparePlatform)
  if (!group) return null
  const edited = controller.editedSuggestion(group)
  const styles = VARIANT_STYLES.filter((style) => group.variants.some((v) => v.style === style))
  return (
    <>
      <label className="field field-inline compare-platform">
        <span aria-hidden>{t('posts.layout.platform')}</span>
        <select aria-label={t('posts.layout.platform')} value={group.platform} onChange={(e) => controller.setLayout('styles', groups.find((g) => g.platform === e.target.value)?.platform ?? null)}>
          {groups.map((g) => (
            <option key={g.platform} value={g.platform}>
              {profileOf(g.platform).name}
            </option>
          ))}
        </select>
      </label>
      <div className="styles-compare">
        {styles.map((style) => (
          <Suggestion
            key={`${group.id}-${style}`}
            fixedStyle
            initial={{ ...edited, style }}
            settings={controller.settings.posts}
            lang={lang}
            // Each card changes its own style's text only; the platform card keeps the author's chosen style.
            onChange={(next) => {
              const now = controller.editedSuggestion(group)
              controller.rememberSuggestion({ ...now, edited: { ...now.edited, [style]: next.edited[style] ?? now.edited[style] } })
            }}
            onSave={(next) => controller.savePost(passageId, next)}
          />
        ))}
      </div>
    </>
  )
}

function TodayView({ controller }: { controller: PostsController }) {
  const { t, i18n } = useTranslation()
  const { today, todayError, todayDate } = controller
  const heading = t('posts.today.heading', { date: formatLongDay(plannedDate(todayDate), i18n.language) })
  const groups = todayGroups(today, todayDate)
  return (
    <div className="today-view">
      <h2 className="today-heading">{heading}</h2>
      <p className="muted">{t('posts.today.intro')}</p>
      {todayError && (
        <p className="posts-error" role="alert">
          {t('posts.today.loadFailed', { reason: todayError })}
        </p>
      )}
      {!today && !todayError && <div className="posts-loading" aria-busy="true" />}
      {today && today.length === 0 && <p className="posts-empty-title today-empty">{t('posts.today.empty')}</p>}
      {groups
        .filter((group) => group.posts.length > 0)
        .map((group) => (
          <section key={group.key} className={`posts-section today-${group.key}`} aria-labelledby={`today-${group.key}`}>
            <h3 className="pane-heading" id={`today-${group.key}`}>
              {t(`posts.today.${group.key}`)}
            </h3>
            {group.posts.map((post) => (
              <SavedPost
                key={post.id}
                post={post}
                settings={controller.settings.posts}
                context={<p className="saved-post-from">{t('posts.today.fromDraft', { title: post.draftTitle.trim() || t('library.untitled') })}</p>}
                onTextChange={controller.editText}
                onTextFlush={controller.flushText}
                onState={controller.changeState}
                onShowPassage={(p) => controller.showPassage(p.draftId, p.passageId)}
                showPassageLabel={t('posts.today.showInDraft')}
              />
            ))}
          </section>
        ))}
    </div>
  )
}
