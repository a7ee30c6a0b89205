import { describe, expect, test } from 'vitest'
import { Parser } from 'commonmark'
import { POSTS_CSV_COLUMNS, postsToCsv, postsToMarkdown, type PostForExport } from '@shared/export'

const posts: PostForExport[] = [
  { platform: 'x', style: 'teaser', text: 'Neu im Blog: *Fokus* #schreiben', state: 'posted', postedAt: Date.UTC(2024, 4, 1, 9), postedUrl: 'https://x.com/a/status/1' },
  { platform: 'linkedin', text: 'Erster Absatz.\n\nZweiter, mit "Zitat"\nund Zeilenumbruch.', state: 'planned', plannedFor: Date.UTC(2024, 4, 3, 7, 30) },
  { platform: 'x', text: '=HYPERLINK("http://evil")', state: 'draft', postedUrl: 'javascript:alert(1)' },
]

describe('postsToMarkdown', () => {
  const md = postsToMarkdown(posts, { title: 'Fokus', platformLabel: (id) => ({ x: 'X', linkedin: 'LinkedIn' })[id] ?? id })

  test('a section per platform, in first-seen order, a list item per post', () => {
    expect(md).toBe(
      [
        '# Fokus',
        '',
        '## X',
        '',
        '- Neu im Blog: \\*Fokus\\* #schreiben',
        '',
        '  _posted · teaser · posted 2024-05-01T09:00:00Z_ · <https://x.com/a/status/1>',
        '',
        '- \\=HYPERLINK("http://evil")',
        '',
        '  _draft_',
        '',
        '## LinkedIn',
        '',
        '- Erster Absatz.',
        '',
        '  Zweiter, mit "Zitat"\\',
        '  und Zeilenumbruch.',
        '',
        '  _planned · planned 2024-05-03T07:30:00Z_',
        '',
      ].join('\n'),
    )
  })

  test('post text is shown verbatim when rendered', () => {
    const walker = new Parser().parse(md).walker()
    let text = ''
    for (let step = walker.next(); step; step = walker.next()) if (step.entering && step.node.type === 'text') text += step.node.literal
    expect(text).toContain('Neu im Blog: *Fokus* #schreiben')
    expect(text).not.toContain('javascript')
  })

  test('no posts, no output', () => {
    expect(postsToMarkdown([])).toBe('')
  })
})

describe('postsToCsv', () => {
  const csv = postsToCsv(posts)

  test('RFC 4180: header, CRLF, quotes doubled, BOM for Excel', () => {
    expect(csv.startsWith('\ufeffplatform,style,state,planned_for,posted_at,posted_url,text,notes\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe(POSTS_CSV_COLUMNS.join(','))
    expect(lines[1]).toBe('x,teaser,posted,,2024-05-01T09:00:00Z,https://x.com/a/status/1,Neu im Blog: *Fokus* #schreiben,')
    expect(lines[2]).toBe('linkedin,,planned,2024-05-03T07:30:00Z,,,"Erster Absatz.\n\nZweiter, mit ""Zitat""\nund Zeilenumbruch.",')
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  test('cells that a spreadsheet would run as formulas are neutralised', () => {
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",\r\n`)
  })

  test('without BOM on request', () => {
    expect(postsToCsv([], { byteOrderMark: false })).toBe('platform,style,state,planned_for,posted_at,posted_url,text,notes\r\n')
  })
})

describe('planned days as the posts feature stores them', () => {
  test('a local calendar day (and time) is written as it is, in Markdown and CSV', () => {
    const planned: PostForExport[] = [{ platform: 'bluesky', text: 'Morgen', state: 'planned', plannedFor: '2026-03-14T08:30' }]
    expect(postsToMarkdown(planned)).toContain('_planned · planned 2026-03-14T08:30_')
    expect(postsToCsv(planned, { byteOrderMark: false }).split('\r\n')[1]).toBe('bluesky,,planned,2026-03-14T08:30,,,Morgen,')
  })
})

describe('journal notes under their post', () => {
  const withNotes: PostForExport[] = [
    {
      platform: 'mastodon',
      text: 'Schreiben ist Denken.',
      state: 'posted',
      postedAt: Date.UTC(2026, 10, 20, 8),
      notes: [
        { notedOn: '2026-11-23', kind: 'question', text: 'Jana: *Wie* fängst du an?\nMorgens?' },
        { notedOn: '2026-11-21', kind: 'person', text: '=Tom aus Köln' },
      ],
    },
    { platform: 'x', text: 'Ohne Echo', state: 'posted', postedAt: Date.UTC(2026, 10, 20, 8) },
  ]

  test('Markdown: a nested list under the post, text verbatim', () => {
    const md = postsToMarkdown(withNotes)
    expect(md).toContain(
      ['- Schreiben ist Denken.', '', '  _posted · posted 2026-11-20T08:00:00Z_', '', '  - 2026-11-23 · question: Jana: \\*Wie\\* fängst du an? Morgens?', '  - 2026-11-21 · person: =Tom aus Köln', ''].join('\n'),
    )
    expect(md).toContain('- Ohne Echo\n\n  _posted · posted 2026-11-20T08:00:00Z_\n')
  })

  test('CSV: the notes column, a line per note, in the post\'s row', () => {
    const lines = postsToCsv(withNotes, { byteOrderMark: false }).split('\r\n')
    expect(lines[1]).toBe('mastodon,,posted,,2026-11-20T08:00:00Z,,Schreiben ist Denken.,"2026-11-23 · question: Jana: *Wie* fängst du an? Morgens?\n2026-11-21 · person: =Tom aus Köln"')
    expect(lines[2]).toBe('x,,posted,,2026-11-20T08:00:00Z,,Ohne Echo,')
  })
})
