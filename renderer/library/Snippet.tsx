import { snippetRuns } from '@shared/domain'

/**
 * A search snippet with its hits as <mark>. Built from text runs, never from HTML: the
 * snippet is the author's own text and may contain "<script>" as words.
 */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetRuns(text).map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </span>
  )
}
