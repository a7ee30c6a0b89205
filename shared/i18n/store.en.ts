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
      'Longhand’s routine check found damage in your library file. Nothing was changed or deleted, and what you write now is still saved to it. At the next start Longhand puts this file aside (it is kept, never deleted) and brings back the newest good safety copy; anything written after that copy stays in the file put aside. Quit and start Longhand again when it suits you.',
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
    movedAsideTo: 'The old file is now:',
    restoredFrom: 'Restored from:',
    showFile: 'Show the file',
  },
} as const
