import type { StoreStrings } from './store'

/** Die Bibliothek öffnen und wiederherstellen, auf Deutsch, in der Du-Form. Teil von ui.de.ts. */
export const storeDe: StoreStrings = {
  openFailed: {
    title: 'Longhand kann deine Bibliothek nicht öffnen',
    corrupt:
      'Die Bibliotheksdatei {{file}} ist beschädigt, und keine Sicherheitskopie konnte ihren Platz einnehmen. Nichts wurde gelöscht: Die beschädigte Datei liegt als {{kept}}. Stelle eine Sicherung der Bibliothek wieder her (Einstellungen → Sicherungen) oder bewahre die Datei zur Reparatur auf.',
    busy: 'Ein anderes Programm benutzt die Bibliotheksdatei {{file}} und hält sie gesperrt (vielleicht ein Sync- oder Backup-Programm oder ein Datenbank-Betrachter). Nichts wurde verschoben oder geändert. Schließe dieses Programm und starte Longhand dann neu.',
    'in-use':
      'Longhand ist mit dieser Bibliothek schon geöffnet (Prozess {{pid}}). Nichts wurde verschoben oder geändert. Wechsle zu diesem Fenster oder beende es, bevor du Longhand neu startest.',
    'read-only':
      'In den Bibliotheksordner {{folder}} kann nicht geschrieben werden (er ist schreibgeschützt, oder dir fehlt die Berechtigung). Nichts wurde verschoben oder geändert. Gib den Ordner zum Schreiben frei und starte Longhand dann neu.',
    'engine-missing':
      'Die Datenbank-Engine von Longhand (SQLite) konnte nicht geladen werden ({{reason}}). Deine Bibliothek wurde nicht angefasst. Nichts wurde verschoben oder geändert. Installiere Longhand neu; in der Entwicklung bereitet npm start die Engine vor.',
    'schema-too-new':
      'Diese Bibliothek stammt von einer neueren Longhand-Version (Schema {{found}}; diese Version versteht bis Schema {{supported}}). Nichts wurde verschoben oder geändert. Aktualisiere Longhand, um sie zu öffnen.',
    'disk-full': 'Der Datenträger mit deiner Bibliothek ({{folder}}) ist voll. Nichts wurde verschoben oder verloren. Schaffe Platz und starte Longhand dann neu.',
    io: 'Die Bibliotheksdatei {{file}} konnte nicht gelesen oder geschrieben werden ({{reason}}). Nichts wurde verschoben oder verloren. Prüfe den Datenträger und starte Longhand dann neu.',
  },
  damageFound: {
    message:
      'Longhands Routineprüfung hat einen Schaden in deiner Bibliotheksdatei gefunden. Nichts wurde geändert oder gelöscht, und was du jetzt schreibst, wird weiter darin gespeichert. Beim nächsten Start legt Longhand diese Datei beiseite (sie bleibt erhalten, nichts wird gelöscht), holt die neueste gute Sicherheitskopie zurück und übernimmt aus dieser Datei jeden Entwurf, der sich noch lesen lässt, auch was du jetzt schreibst. Beende Longhand und starte es neu, wenn es dir passt.',
    detail: 'Was SQLite gefunden hat:',
  },
  recovery: {
    damaged:
      'Deine Bibliotheksdatei war nicht lesbar. Longhand hat sie beiseitegelegt und die Sicherheitskopie vom {{when}} zurückgeholt. Nichts wurde gelöscht. Prüfe deine letzten Entwürfe: Änderungen nach dem {{when}} sind nicht in der Kopie. Behalte die alte Datei, sie kann sie noch enthalten.',
    empty:
      'Deine Bibliotheksdatei war leer. Longhand hat sie beiseitegelegt und die Sicherheitskopie vom {{when}} zurückgeholt. Nichts wurde gelöscht. Prüfe deine letzten Entwürfe: Änderungen nach dem {{when}} sind nicht in der Kopie.',
    damagedNoCopy:
      'Deine Bibliotheksdatei war nicht lesbar, und es gab keine Sicherheitskopie, deshalb hat Longhand eine neue Bibliothek begonnen. Nichts wurde gelöscht: Die alte Datei ist aufbewahrt. Behalte sie: Dein Text lässt sich daraus vielleicht noch retten.',
    emptyNoCopy:
      'Deine Bibliotheksdatei war leer, und es gab keine Sicherheitskopie, deshalb hat Longhand eine neue Bibliothek begonnen. Nichts wurde gelöscht: Die alte Datei ist aufbewahrt.',
    damagedSalvaged:
      'Deine Bibliotheksdatei war nicht lesbar. Longhand hat sie beiseitegelegt und die Sicherheitskopie vom {{when}} zurückgeholt. Nichts wurde gelöscht.',
    damagedNoCopySalvaged:
      'Deine Bibliotheksdatei war nicht lesbar, und es gab keine Sicherheitskopie, deshalb hat Longhand eine neue Bibliothek begonnen. Nichts wurde gelöscht: Die alte Datei ist aufbewahrt.',
    salvage: {
      broughtBack_one: 'Ein danach geänderter Entwurf wurde mit seinem neuesten Text aus der alten Datei zurückgeholt (der Text der Kopie steht in seinem Verlauf).',
      broughtBack_other: '{{count}} danach geänderte Entwürfe wurden mit ihrem neuesten Text aus der alten Datei zurückgeholt (die Texte der Kopie stehen in ihrem Verlauf).',
      readAll_one: 'Ein Entwurf wurde aus der alten Datei zurückgeholt.',
      readAll_other: '{{count}} Entwürfe wurden aus der alten Datei zurückgeholt.',
      noneNewer: 'Die alte Datei enthielt nichts Neueres als die Kopie.',
      deletedAgain_one: 'Ein Entwurf der Kopie, den du danach endgültig gelöscht hattest, bleibt gelöscht.',
      deletedAgain_other: '{{count}} Entwürfe der Kopie, die du danach endgültig gelöscht hattest, bleiben gelöscht.',
      noneRead: 'Aus der alten Datei ließ sich kein Entwurf lesen. Behalte sie: Dein Text lässt sich daraus vielleicht noch retten.',
      notRead_one: 'Ein Entwurf ließ sich aus der alten Datei nicht lesen: {{titles}}. Seine letzten Änderungen sind vielleicht nur dort: Behalte die alte Datei.',
      notRead_other: '{{count}} Entwürfe ließen sich aus der alten Datei nicht lesen: {{titles}}. Ihre letzten Änderungen sind vielleicht nur dort: Behalte die alte Datei.',
      quoted: '„{{title}}“',
      untitled: 'einer, dessen Titel sich auch nicht lesen lässt',
      notReadButInCopy_one: 'Ein Entwurf ließ sich aus der alten Datei nicht lesen, aber die Kopie enthält ihn so, wie er zuletzt gespeichert war.',
      notReadButInCopy_other: '{{count}} Entwürfe ließen sich aus der alten Datei nicht lesen, aber die Kopie enthält sie so, wie sie zuletzt gespeichert waren.',
      imagesMissing_one: 'Ein Bild in den zurückgeholten Entwürfen ließ sich nicht lesen.',
      imagesMissing_other: '{{count}} Bilder in den zurückgeholten Entwürfen ließen sich nicht lesen.',
      listIncomplete: 'Ein Teil der Entwurfsliste der alten Datei war nicht lesbar, vielleicht wurden also nicht alle Entwürfe gefunden: Behalte die alte Datei.',
      unreadable: 'Longhand konnte aus der alten Datei nichts lesen, um es zurückzuholen.',
      writeFailed: 'Longhand konnte diesmal nichts aus der alten Datei zurückholen (das Schreiben in die Kopie schlug fehl). Behalte die alte Datei: Sie enthält deine letzten Änderungen noch.',
      postsAndNotesBroughtBack_one: 'Ein nach der Kopie geänderter Post oder eine Journal-Notiz wurde ebenfalls zurückgeholt.',
      postsAndNotesBroughtBack_other: '{{count}} nach der Kopie geänderte Posts und Journal-Notizen wurden ebenfalls zurückgeholt.',
      postsAndNotesLeft_one: 'Ein nach der Kopie geänderter Post oder eine Journal-Notiz ließ sich nicht zurückholen und ist nur in der alten Datei. Behalte sie.',
      postsAndNotesLeft_other: '{{count}} nach der Kopie geänderte Posts und Journal-Notizen ließen sich nicht zurückholen und sind nur in der alten Datei. Behalte sie.',
    },
    movedAsideTo: 'Die alte Datei liegt jetzt hier:',
    restoredFrom: 'Zurückgeholt aus:',
    showFile: 'Datei zeigen',
  },
}
