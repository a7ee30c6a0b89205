/**
 * Opening the library, and recovering it: English. Plain data — the Electron shell (error
 * dialog), the loopback bridge (stderr) and the renderer (key `store` of ui.en.ts) all use it.
 * German in store.de.ts with the same keys. Every failure says what happened, that nothing was
 * moved or lost, and what to do next.
 */
export const storeEn = {
  openFailed: {
    title: 'Longhand cannot open your library',
    corrupt:
      'The library file {{file}} is damaged and no safety copy could take its place. Nothing was deleted: the damaged file is kept as {{kept}}. Restore a library backup (Settings → Backups), or keep the file for repair.',
    busy: 'Another program is using the library file {{file}} and keeps it locked (perhaps a sync or backup tool, or a database viewer). Nothing was moved or changed. Close that program, then start Longhand again.',
    'in-use':
      'Longhand is already open with this library (process {{pid}}). Nothing was moved or changed. Switch to that window, or quit it before starting Longhand again.',
    'read-only':
      'The library folder {{folder}} cannot be written to (it is read-only, or you lack permission). Nothing was moved or changed. Make the folder writable, then start Longhand again.',
    'engine-missing':
      'Longhand’s database engine (SQLite) could not be loaded ({{reason}}). Your library was not touched. Nothing was moved or changed. Reinstall Longhand; in development, run npm start again, which prepares the engine.',
    'schema-too-new':
      'This library was written by a newer version of Longhand (schema {{found}}; this version understands up to schema {{supported}}). Nothing was moved or changed. Update Longhand to open it.',
    'disk-full': 'The disk that holds your library ({{folder}}) is full. Nothing was moved or lost. Free some space, then start Longhand again.',
    io: 'The library file {{file}} could not be read or written ({{reason}}). Nothing was moved or lost. Check the disk, then start Longhand again.',
  },
  damageFound: {
    // Told in the page while Longhand runs (DamageNotice), when the check after the start finds damage.
    message:
      'Longhand’s routine check found damage in your library file. Nothing was changed or deleted, and what you write now is still saved to it. At the next start Longhand puts this file aside (it is kept, never deleted), brings back the newest good safety copy and carries over from this file every draft it can still read, including what you write now. Quit and start Longhand again when it suits you.',
    detail: 'What SQLite found:',
  },
  recovery: {
    damaged:
      'Your library file could not be read. Longhand put it aside and brought back the safety copy from {{when}}. Nothing was deleted. Check your latest drafts: changes made after {{when}} are not in the copy. Keep the old file: it may still hold them.',
    empty:
      'Your library file was empty. Longhand put it aside and brought back the safety copy from {{when}}. Nothing was deleted. Check your latest drafts: changes made after {{when}} are not in the copy.',
    damagedNoCopy:
      'Your library file could not be read and there was no safety copy, so Longhand started a new library. Nothing was deleted: the old file is kept. Keep it: your writing may still be recovered from it.',
    emptyNoCopy: 'Your library file was empty and there was no safety copy, so Longhand started a new library. Nothing was deleted: the old file is kept.',
    // With what a salvage carried over from the old file (RecoveryNotice: recoveryMessage).
    damagedSalvaged: 'Your library file could not be read. Longhand put it aside and brought back the safety copy from {{when}}. Nothing was deleted.',
    damagedNoCopySalvaged:
      'Your library file could not be read and there was no safety copy, so Longhand started a new library. Nothing was deleted: the old file is kept.',
    salvage: {
      broughtBack_one: 'One draft changed after that was brought back from the old file with its newest text (the copy’s text is in its history).',
      broughtBack_other: '{{count}} drafts changed after that were brought back from the old file with their newest text (the copy’s texts are in their history).',
      readAll_one: 'One draft was brought back from the old file.',
      readAll_other: '{{count}} drafts were brought back from the old file.',
      noneNewer: 'The old file held nothing newer than the copy.',
      deletedAgain_one: 'One draft in the copy that you had deleted for good after it was taken stays deleted.',
      deletedAgain_other: '{{count}} drafts in the copy that you had deleted for good after it was taken stay deleted.',
      noneRead: 'No draft could be read from the old file. Keep it: your writing may still be recovered from it.',
      notRead_one: 'One draft could not be read from the old file: {{titles}}. Its latest changes may be only there: keep the old file.',
      notRead_other: '{{count}} drafts could not be read from the old file: {{titles}}. Their latest changes may be only there: keep the old file.',
      quoted: '“{{title}}”',
      untitled: 'one whose title cannot be read either',
      notReadButInCopy_one: 'One draft could not be read from the old file, but the copy holds it as it was last saved.',
      notReadButInCopy_other: '{{count}} drafts could not be read from the old file, but the copy holds them as they were last saved.',
      imagesMissing_one: 'One image in the drafts brought back could not be read.',
      imagesMissing_other: '{{count}} images in the drafts brought back could not be read.',
      listIncomplete: 'Part of the old file’s list of drafts could not be read, so some drafts may not have been found: keep the old file.',
      unreadable: 'Longhand could not read anything from the old file to bring back.',
      writeFailed: 'Longhand could not bring anything back from the old file this time (writing into the copy failed). Keep the old file: it still holds your latest changes.',
      postsAndNotesBroughtBack_one: 'One post or journal note changed after the copy was brought back too.',
      postsAndNotesBroughtBack_other: '{{count}} posts and journal notes changed after the copy were brought back too.',
      postsAndNotesLeft_one: 'One post or journal note changed after the copy could not be brought back and is only in the old file. Keep it.',
      postsAndNotesLeft_other: '{{count}} posts and journal notes changed after the copy could not be brought back and are only in the old file. Keep it.',
    },
    movedAsideTo: 'The old file is now:',
    restoredFrom: 'Restored from:',
    showFile: 'Show the file',
  },
} as const
