/**
 * The dialog journal (what came back after a post), English. Part of ui.en.ts (key `journal`);
 * German in journal.de.ts with the same keys. `quote` is also used by the main process to
 * write the reference line of a draft made from a note.
 */
export const journalEn = {
  cameBack: 'What came back',
  addNote: 'Add note',
  noteText: 'Note',
  notePlaceholder: 'A reply, a question, a person, an idea…',
  date: 'Date',
  kind: 'Kind',
  kinds: { reply: 'Reply', question: 'Question', person: 'Person', idea: 'Idea' },
  save: 'Save note',
  edit: 'Edit',
  delete: 'Delete note',
  deleteConfirm: 'Delete this note? It cannot be undone.',
  toDraft: 'New draft from note',
  insertQuote: 'Insert as quote',
  tab: 'Journal',
  draftJournal: 'This draft',
  libraryJournal: 'All drafts',
  search: 'Search the journal',
  empty: 'No notes yet. When a post is out, note here what came back: replies, questions, people, ideas.',
  noHits: 'No note matches “{{query}}”.',
  detached: 'Post deleted',
  fromDraft: 'From “{{title}}”',
  untitled: 'Untitled',
  saveFailed: 'The note could not be saved ({{reason}}). Your text is still here; try again.',
  loadFailed: 'The journal could not be loaded ({{reason}}).',
  deleteFailed: 'The note could not be deleted ({{reason}}).',
  draftMade: 'New draft made from the note.',
  noEditor: 'Open a draft to insert the note into it.',
  quote: {
    attribution: '{{kind}} on {{platform}}, {{date}}, about “{{title}}”',
    titlePrefix: 'From the journal',
  },
}
